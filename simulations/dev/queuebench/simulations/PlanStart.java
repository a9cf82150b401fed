package dev.queuebench.simulations;

import dev.queuebench.profile.SimulationProperty;
import dev.queuebench.rundir.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Tells queuebench at once when the run starts ({@link SimulationProperty#PLAN_START_FILE}): the epoch
 * ms, written whole or not at all ({@link AtomicFiles}), so a reader sees the number or no file.
 * Gatling takes its run start right after the simulation's {@code before()} hook, which calls this.
 */
final class PlanStart {
    private PlanStart() {
    }

    static void record(String file, long startMillis) {
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            AtomicFiles.writeString(Path.of(file), Long.toString(startMillis));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
