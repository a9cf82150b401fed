package dev.queuebench.rundir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsCsvTest {
    @TempDir
    Path dir;

    /** Free text with commas, percent signs and line breaks stays one event per line and comes back as written. */
    @Test
    void eventsComeBackAsWritten() throws IOException {
        RunFiles run = new RunFiles(dir);
        EventsCsv.create(run);
        EventsCsv.Event note = new EventsCsv.Event(1_800_000_000_123L, "person", "mark",
                "modify started, r7g.large 100% \\n two\nlines %2C");
        EventsCsv.append(run, note);
        EventsCsv.append(run, new EventsCsv.Event(1_800_000_005_000L, "drill", "pause", ""));
        List<String> lines = Files.readAllLines(run.file(RunFiles.EVENTS_CSV));
        assertEquals(3, lines.size(), lines.toString());
        assertEquals(EventsCsv.HEADER, lines.get(0));
        EventsCsv.Events read = EventsCsv.read(run);
        assertEquals(List.of(note, new EventsCsv.Event(1_800_000_005_000L, "drill", "pause", "")), read.events());
    }

    @Test
    void aHalfWrittenLastLineIsLeftOutAndAWrongKindRefused() throws IOException {
        RunFiles run = new RunFiles(dir);
        EventsCsv.append(run, new EventsCsv.Event(1_000L, "person", "mark", "first"));
        Files.writeString(run.file(RunFiles.EVENTS_CSV), "2000,person", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        EventsCsv.Events read = EventsCsv.read(run);
        assertEquals(1, read.events().size());
        assertTrue(read.read().lastLineLeftOut());

        BadInputException wrong = assertThrows(BadInputException.class,
                () -> new EventsCsv.Event(1L, "person", "Not A Word", "x"));
        assertTrue(wrong.getMessage().contains("a-z 0-9"), wrong.getMessage());
        assertEquals(0, EventsCsv.read(new RunFiles(dir.resolve("absent"))).events().size());
    }

    @Test
    void appendNewAddsEachEventOnceInOneWrite() throws IOException {
        RunFiles run = new RunFiles(dir);
        EventsCsv.Event failover = new EventsCsv.Event(2_000L, "elasticache", "failover", "qb-prod: Failover, done");
        EventsCsv.Event recovery = new EventsCsv.Event(3_000L, "elasticache", "recovery", "qb-prod-001: Recovering");
        assertEquals(List.of(failover), EventsCsv.appendNew(run, List.of(failover, failover)));
        // The same moment, source and text is the same event, whatever its kind was called.
        EventsCsv.Event renamed = new EventsCsv.Event(2_000L, "elasticache", "replication-group", failover.detail());
        assertEquals(List.of(recovery), EventsCsv.appendNew(run, List.of(renamed, recovery)));
        assertEquals(List.of(), EventsCsv.appendNew(run, List.of(failover, recovery)));
        assertEquals(List.of(EventsCsv.HEADER, "2000,elasticache,failover,qb-prod: Failover%2C done",
                "3000,elasticache,recovery,qb-prod-001: Recovering"), Files.readAllLines(run.file(RunFiles.EVENTS_CSV)));
    }

    @Test
    void appendNewKeepsAWholeLastLineTypedWithoutItsLineBreak() throws IOException {
        RunFiles run = new RunFiles(dir);
        Files.writeString(run.file(RunFiles.EVENTS_CSV), EventsCsv.HEADER + "\n1000,person,mark,typed by hand");
        EventsCsv.appendNew(run, List.of(new EventsCsv.Event(2_000L, "elasticache", "failover", "qb-prod: x")));
        assertEquals(List.of(EventsCsv.HEADER, "1000,person,mark,typed by hand", "2000,elasticache,failover,qb-prod: x"),
                Files.readAllLines(run.file(RunFiles.EVENTS_CSV)));
    }
}
