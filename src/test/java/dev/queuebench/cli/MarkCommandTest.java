package dev.queuebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.rundir.EventsCsv;
import dev.queuebench.rundir.RunFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkCommandTest {
    @TempDir
    Path dir;

    @Test
    void aMarkLandsOnTheRunsTimelineAtThisMoment() throws Exception {
        Files.writeString(dir.resolve(RunFiles.RUN_JSON), "{}");
        long before = System.currentTimeMillis();
        int exit = QueuebenchCommand.commandLine().execute("mark", dir.toString(), "modify", "started,", "r7g.large");
        assertEquals(0, exit);
        List<EventsCsv.Event> events = EventsCsv.read(new RunFiles(dir)).events();
        assertEquals(1, events.size());
        EventsCsv.Event mark = events.get(0);
        assertEquals("person", mark.source());
        assertEquals("mark", mark.kind());
        assertEquals("modify started, r7g.large", mark.detail());
        assertTrue(mark.epochMs() >= before && mark.epochMs() <= System.currentTimeMillis());
    }

    @Test
    void aDirectoryThatIsNotARunOrABadKindIsAUsageError() throws Exception {
        assertEquals(2, QueuebenchCommand.commandLine().execute("mark", dir.resolve("nope").toString(), "x"));
        Files.writeString(dir.resolve(RunFiles.RUN_JSON), "{}");
        assertEquals(2, QueuebenchCommand.commandLine().execute("mark", dir.toString(), "--kind", "Bad Kind", "x"));
        assertTrue(!Files.exists(dir.resolve(RunFiles.EVENTS_CSV)) || EventsCsv.read(new RunFiles(dir)).events().isEmpty());
    }
}
