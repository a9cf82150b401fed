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
}
