package dev.queuebench.load;

import dev.queuebench.record.SimulationLogParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Follows Gatling's {@code simulation.log} while it is written: opens it once it exists and feeds
 * whatever has been appended to the parser, so every record Gatling has written is recorded.
 */
final class SimulationLogTail implements AutoCloseable {
    private final Supplier<Optional<Path>> logFile;
    private final SimulationLogParser parser;
    private final byte[] chunk = new byte[1 << 20];
    private InputStream stream;

    /** @param logFile the log once Gatling has created it */
    SimulationLogTail(Supplier<Optional<Path>> logFile, SimulationLogParser parser) {
        this.logFile = logFile;
        this.parser = parser;
    }

    /** Parses everything appended since the last call. */
    void drain() throws IOException {
        if (stream == null) {
            Optional<Path> file = logFile.get();
            if (file.isEmpty()) {
                return;
            }
            stream = Files.newInputStream(file.get());
        }
        int read;
        while ((read = stream.read(chunk)) > 0) {
            parser.feed(chunk, read);
        }
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
        }
    }
}
