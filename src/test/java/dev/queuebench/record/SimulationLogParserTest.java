package dev.queuebench.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden logs from real Gatling 3.15.1 runs of the queue journey; the expected counts are the ones
 * Gatling's own console summary printed for the same runs.
 */
class SimulationLogParserTest {
    static final String SMOKE = "/golden/gatling-3.15.1-smoke.simulation.log";
    static final String WITH_KOS = "/golden/gatling-3.15.1-with-kos.simulation.log";

    static byte[] golden(String resource) throws IOException {
        try (InputStream in = SimulationLogParserTest.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

    private static CountingListener parse(byte[] bytes, int chunkBytes) {
        CountingListener counts = new CountingListener();
        SimulationLogParser parser = new SimulationLogParser("golden", counts);
        for (int offset = 0; offset < bytes.length; offset += chunkBytes) {
            int length = Math.min(chunkBytes, bytes.length - offset);
            parser.feed(Arrays.copyOfRange(bytes, offset, offset + length), length);
        }
        assertEquals(0, parser.incompleteTailBytes());
        return counts;
    }

    @Test
    void smokeLogMatchesGatlingsOwnTotals() throws IOException {
        CountingListener counts = parse(golden(SMOKE), 1 << 20);
        assertEquals("3.15.1", counts.header.gatlingVersion());
        assertEquals("dev.queuebench.simulations.QueueJourneySimulation", counts.header.simulationClassName());
        assertEquals(List.of("queue-journey"), counts.header.scenarios());
        // Gatling's console: join 68, status 92, enter 64, all OK.
        assertEquals(68, counts.ok("join"));
        assertEquals(92, counts.ok("status"));
        assertEquals(64, counts.ok("enter"));
        assertEquals(0, counts.ko("join") + counts.ko("status") + counts.ko("enter"));
        assertEquals(68, counts.usersStarted);
        assertEquals(68, counts.usersEnded);
    }

    @Test
    void koMessagesComeThroughTheStringCache() throws IOException {
        CountingListener counts = parse(golden(WITH_KOS), 1 << 20);
        // Gatling's console: join 23 OK / 45 KO, status 27 / 35, enter 15 / 7, all KOs a 429.
        assertEquals(23, counts.ok("join"));
        assertEquals(45, counts.ko("join"));
        assertEquals(27, counts.ok("status"));
        assertEquals(35, counts.ko("status"));
        assertEquals(15, counts.ok("enter"));
        assertEquals(7, counts.ko("enter"));
        assertEquals(45L, counts.koByMessage.get("status.find.is(202), found 429"));
        assertEquals(7L, counts.koByMessage.get("status.find.in(200,403), found 429"));
    }

    @Test
    void anyChunkingGivesTheSameRecords() throws IOException {
        byte[] bytes = golden(WITH_KOS);
        Random random = new Random(42);
        for (int chunk : new int[] {1, 3, 7, 64, 1 + random.nextInt(500)}) {
            CountingListener counts = parse(bytes, chunk);
            assertEquals(45, counts.ko("join"), "chunk " + chunk);
            assertEquals(15, counts.ok("enter"), "chunk " + chunk);
        }
    }

    @Test
    void aCutOffLogKeepsItsIncompleteTail() throws IOException {
        byte[] bytes = golden(SMOKE);
        CountingListener counts = new CountingListener();
        SimulationLogParser parser = new SimulationLogParser("cut", counts);
        parser.feed(bytes, bytes.length - 5);
        assertTrue(parser.incompleteTailBytes() > 0);
        // The file ends with user-end records: the last one is the one cut.
        assertEquals(67, counts.usersEnded);
    }

    @Test
    void anotherGatlingVersionIsRefusedWithTheVersionsNamed() throws IOException {
        byte[] bytes = golden(SMOKE);
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replaceFirst("3\\.15\\.1", "3.14.9");
        byte[] changed = text.getBytes(StandardCharsets.ISO_8859_1);
        SimulationLogParser parser = new SimulationLogParser("old.log", new CountingListener());
        SimulationLogFormatException e = assertThrows(SimulationLogFormatException.class,
                () -> parser.feed(changed, changed.length));
        assertTrue(e.getMessage().startsWith("old.log was written by Gatling '3.14.9'"), e.getMessage());
        assertTrue(e.getMessage().contains("[3.15.1]"), e.getMessage());
    }

    @Test
    void aFileThatIsNoSimulationLogIsRefused(@TempDir Path dir) throws IOException {
        Path notALog = dir.resolve("simulation.log");
        Files.writeString(notALog, "RUN\tsimulation\tthis is the old text format\n");
        SimulationLogFormatException e = assertThrows(SimulationLogFormatException.class,
                () -> SimulationLogFiles.parse(notALog, new CountingListener()));
        assertTrue(e.getMessage().contains("does not start with a run record"), e.getMessage());
        assertTrue(e.getMessage().contains(notALog.toString()), e.getMessage());
    }
}
