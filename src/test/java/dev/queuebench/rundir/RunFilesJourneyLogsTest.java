package dev.queuebench.rundir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesJourneyLogsTest {
    @Test
    void aMergedRunsJourneysAreEveryPartsLogByIndex(@TempDir Path dir) throws IOException {
        RunFiles run = new RunFiles(dir);
        assertEquals(List.of(), run.journeyLogs());
        for (int index : new int[] {10, 2, 0}) {
            Files.writeString(dir.resolve(RunFiles.journeysOfPart(index)), "");
        }
        Files.writeString(dir.resolve("journeys-partX.bin.gz"), "");
        Files.createDirectory(dir.resolve(RunFiles.journeysOfPart(3)));
        assertEquals(List.of(dir.resolve("journeys-part0.bin.gz"), dir.resolve("journeys-part2.bin.gz"),
                dir.resolve("journeys-part10.bin.gz")), run.journeyLogs(), "by index, files only");
        Files.writeString(dir.resolve(RunFiles.JOURNEYS), "");
        assertEquals(dir.resolve(RunFiles.JOURNEYS), run.journeyLogs().get(0));
    }
}
