package dev.queuebench.simulations;

import dev.queuebench.rundir.ArrivalsCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the arrival control writes each second's decision: the run's {@code arrivals.csv}
 * ({@link ArrivalsCsv}), one line a second, flushed as written so the run's own reader and a killed run
 * both find every second decided so far.
 */
interface ArrivalLog {
    /** Records nothing: the simulation run without queuebench. */
    ArrivalLog NONE = second -> {
    };

    void second(ArrivalsCsv.Second second);

    /** The log at {@code file}, or {@link #NONE} when no file is given. */
    static ArrivalLog open(String file) {
        if (file == null || file.isBlank()) {
            return NONE;
        }
        try {
            Writer out = Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8);
            out.write(ArrivalsCsv.HEADER + "\n");
            out.flush();
            return second -> {
                try {
                    synchronized (out) {
                        out.write(ArrivalsCsv.line(second));
                        out.flush();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
        }
    }
}
