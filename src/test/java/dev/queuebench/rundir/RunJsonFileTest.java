package dev.queuebench.rundir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunJsonFileTest {
    private static final Path BEFORE_SCHEMA_VERSION = Path.of("src/test/resources/rundir/smoke-before-schema-version");
    private static final Path RUNNING = Path.of("src/test/resources/rundir/running");

    @Test
    void aRunJsonWrittenBeforeSchemaVersionReadsWithEveryField() {
        RunJson run = RunJsonFile.read(BEFORE_SCHEMA_VERSION);

        assertEquals(1, run.schemaVersion());
        assertEquals("20261201T093000Z-smoke", run.id());
        assertEquals(1764581400000L, run.startMs());
        assertEquals(1764581447000L, run.endMs());
        assertEquals(RunOutcome.COMPLETED, run.outcome());
        assertEquals("", run.reason());
        assertEquals("embedded", run.nodeType());
        assertEquals(List.of("warmup", "ramp-1", "hold-50"),
                run.profile().phases().stream().map(RunJson.Phase::name).toList());
        assertEquals(new RunJson.Phase("hold-50", 20, 50, 50, false), run.profile().phases().get(2));
        assertEquals(5.83, run.profile().journey().requestsPerUserModelled());
        // A run from before the arrival control scheduled its own arrivals: its injection ceiling is left unread.
        // Its prose "arrivals_are": "controlled: …" is the code arrivals_controlled now.
        assertTrue(run.profile().arrivalsControlled());
        assertEquals("even", run.profile().arrivals());
        assertEquals("redis://127.0.0.1:40111/0", run.target().redis());
        assertNull(run.target().reader());
        assertEquals(0.412, run.injector().maxCpuShare());
        assertEquals(0, run.injector().gatlingExitCode());
        assertEquals("3.15.1", run.versions().gatling());
        assertEquals("bd2c743", run.versions().harnessGitSha());
        assertEquals(new RunJson.Requests(400, 2, Map.of("http_503", 2L)), run.totals().requests().get("join"));
        assertEquals(402, run.totals().journeysStarted());
        assertEquals(new RunJson.Delivery("hold-50", 1000, 998, 423.729, 424), run.delivery().get(1));
    }

    @Test
    void rewritingAnOldRunJsonKeepsItsValuesAndLeavesTheProseOut(@TempDir Path runDir) throws IOException {
        RunJson old = RunJsonFile.read(BEFORE_SCHEMA_VERSION);

        RunJsonFile.write(runDir, old);

        String text = Files.readString(runDir.resolve(RunFiles.RUN_JSON));
        assertTrue(text.contains("\"schema_version\" : 1"), text);
        assertTrue(text.contains("\"arrivals_controlled\" : true"), text);
        assertFalse(text.contains("arrivals_are"), text);
        assertFalse(text.contains("rates_are"), text);
        assertEquals(old, RunJsonFile.read(runDir));
        try (var files = Files.list(runDir)) {
            assertEquals(List.of(runDir.resolve(RunFiles.RUN_JSON)), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void aRunStillRunningReadsWithoutEndReasonOrTotalsAndIgnoresFieldsItDoesNotKnow() {
        RunJson run = RunJsonFile.read(RUNNING);

        assertEquals(RunOutcome.RUNNING, run.outcome());
        assertNull(run.endMs());
        assertNull(run.reason());
        assertEquals("", run.reasonOrEmpty());
        assertNull(run.totals());
        assertEquals(List.of(), run.delivery());
        assertEquals("unknown", run.nodeType());
        assertEquals(1, run.injector().count());
        assertTrue(run.profile().arrivalsControlled());
    }

    @Test
    void aNewerSchemaIsRefusedNamingTheFileAndTheVersion(@TempDir Path runDir) throws IOException {
        Files.writeString(runDir.resolve(RunFiles.RUN_JSON), "{\"schema_version\": 2, \"id\": \"x\"}");

        RunDataException e = assertThrows(RunDataException.class, () -> RunJsonFile.read(runDir));

        assertTrue(e.getMessage().startsWith(runDir.resolve(RunFiles.RUN_JSON) + " has schema_version 2, newer than "
                + "the 1 this queuebench reads"), e.getMessage());
    }

    @Test
    void anUnknownOutcomeNamesTheFileAndTheCodes(@TempDir Path runDir) throws IOException {
        Files.writeString(runDir.resolve(RunFiles.RUN_JSON), "{\"id\": \"x\", \"outcome\": \"finished\"}");

        RunDataException e = assertThrows(RunDataException.class, () -> RunJsonFile.read(runDir));

        assertTrue(e.getMessage().startsWith(runDir.resolve(RunFiles.RUN_JSON).toString()), e.getMessage());
        assertTrue(e.getMessage().contains("unknown outcome 'finished'"), e.getMessage());
    }

    @Test
    void aTruncatedRunJsonNamesTheFileAndLine(@TempDir Path runDir) throws IOException {
        Files.writeString(runDir.resolve(RunFiles.RUN_JSON), "{\n\"id\": \"x\",\n\"label\": ");

        RunDataException e = assertThrows(RunDataException.class, () -> RunJsonFile.read(runDir));

        assertEquals(runDir.resolve(RunFiles.RUN_JSON) + " line 3: truncated JSON (the document ends before it is "
                + "closed)", e.getMessage());
    }

    @Test
    void everyOutcomeCodeReadsBackAsItself() {
        for (RunOutcome outcome : RunOutcome.values()) {
            assertEquals(outcome, RunOutcome.ofCode(outcome.code()));
        }
        assertEquals(List.of("completed", "aborted", "injector-saturated", "target-failed", "running", "incomplete"),
                List.of(RunOutcome.values()).stream().map(RunOutcome::code).toList());
    }
}
