package dev.queuebench.analysis;

import dev.queuebench.rundir.GoldenRunDirs;

import dev.queuebench.rundir.RunDataException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesBadInputTest {
    @TempDir
    Path temp;

    @Test
    void aDirectoryWithoutRunJsonIsNotARun() {
        RunDataException error = assertThrows(RunDataException.class, () -> RunAnalysis.analyze(temp));
        assertTrue(error.getMessage().contains("has no run.json"), error.getMessage());
        assertTrue(error.getMessage().contains("queuebench.jar run --profile smoke"), error.getMessage());
    }

    @Test
    void aMalformedRequestsLineNamesTheFileAndTheLine() throws IOException {
        Path run = GoldenRunDirs.copy(temp, GoldenRunDirs.STAIRS_KNEE);
        Path csv = run.resolve("requests.csv");
        String text = Files.readString(csv);
        int secondLine = text.indexOf('\n', text.indexOf('\n') + 1) + 1;
        Files.writeString(csv, text.substring(0, secondLine) + "1800000001,status,x,0,\n" + text.substring(secondLine));

        RunDataException error = assertThrows(RunDataException.class, () -> RunAnalysis.analyze(run));
        assertEquals(csv + " line 3: not a number where one belongs: '1800000001,status,x,0,'", error.getMessage());
    }

    @Test
    void aTruncatedLastLineOfAKilledRunIsLeftOutAndTheRestStands() throws IOException {
        Path run = GoldenRunDirs.copy(temp, GoldenRunDirs.STAIRS_KNEE);
        Files.writeString(run.resolve("requests.csv"), "1800000044,sta", java.nio.file.StandardOpenOption.APPEND);

        RunSummary summary = RunAnalysis.analyze(run);
        assertEquals(10_000, summary.measured().get("all").count());
    }

    @Test
    void aWrongServerCsvHeaderIsNamed() throws IOException {
        Path run = GoldenRunDirs.copy(temp, GoldenRunDirs.STAIRS_KNEE);
        Files.writeString(run.resolve("server.csv"), "time,metric,value\n1,a,2\n");

        RunDataException error = assertThrows(RunDataException.class, () -> RunAnalysis.analyze(run));
        assertEquals(run.resolve("server.csv") + " line 1: expected the header 'epoch_sec,node,metric,value', "
                + "found 'time,metric,value'", error.getMessage());
    }
}
