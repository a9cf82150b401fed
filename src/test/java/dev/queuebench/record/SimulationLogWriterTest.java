package dev.queuebench.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The writer produces Gatling 3.15.1's own bytes: real logs, read and written back, are unchanged. */
class SimulationLogWriterTest {
    @Test
    void realGatlingLogsReadAndWrittenBackAreUnchanged() throws IOException {
        for (String golden : List.of(SimulationLogParserTest.SMOKE, SimulationLogParserTest.WITH_KOS)) {
            byte[] real = SimulationLogParserTest.golden(golden);
            ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
            try (SimulationLogWriter writer = new SimulationLogWriter(rewritten)) {
                SimulationLogParser parser = new SimulationLogParser(golden, new Rewriter(writer));
                parser.feed(real, real.length);
            }
            assertArrayEquals(real, rewritten.toByteArray(), golden);
        }
    }

    /** Writes back what the parser reads: the golden logs have one scenario, no groups, no errors. */
    private record Rewriter(SimulationLogWriter writer) implements SimulationLogListener {
        @Override
        public void onRun(SimulationLogHeader header) {
            write(() -> writer.run(header));
        }

        @Override
        public void onUser(boolean start, long timestampMillis) {
            write(() -> writer.user(0, start, timestampMillis));
        }

        @Override
        public void onRequest(String name, long startMillis, long endMillis, boolean ok, String message) {
            write(() -> writer.request(name, startMillis, endMillis, ok, message));
        }

        @Override
        public void onError(String message, long timestampMillis) {
            throw new AssertionError("the golden logs hold no error records");
        }

        private static void write(IoAction action) {
            try {
                action.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }
}
