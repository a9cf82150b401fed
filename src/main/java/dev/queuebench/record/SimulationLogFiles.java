package dev.queuebench.record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a whole {@code simulation.log} through a {@link SimulationLogParser}. */
public final class SimulationLogFiles {
    private static final int CHUNK_BYTES = 1 << 20;

    private SimulationLogFiles() {
    }

    /**
     * Parses the file to its end.
     *
     * @return bytes at the end that form no complete record (a run cut off mid-write); 0 normally
     */
    public static int parse(Path file, SimulationLogListener listener) throws IOException {
        SimulationLogParser parser = new SimulationLogParser(file.toString(), listener);
        byte[] chunk = new byte[CHUNK_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(chunk)) != -1) {
                parser.feed(chunk, read);
            }
        }
        if (parser.header() == null) {
            throw new SimulationLogFormatException(file + " holds no run record: the run did not start writing it");
        }
        return parser.incompleteTailBytes();
    }
}
