package dev.queuebench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.queuebench.profile.ProfileCatalog;
import dev.queuebench.rundir.RunFiles;
import dev.queuebench.rundir.RunJson;
import dev.queuebench.rundir.RunJsonFile;
import dev.queuebench.rundir.RunOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecordTest {
    @Test
    void aStartedRunRecordsItsPlanAndNoPasswordFromAnyEndpoint(@TempDir Path runDir) throws IOException {
        RunSettings settings = RunSettings.builder(ProfileCatalog.named("smoke")).nodeType("cache.r7g.large").build();
        RunTarget target = new RunTarget("https://queue:gw-s3cret@gateway.example:8443", false,
                "rediss://app:***@master.example:6380/0", null, null);

        RunJson started = RunRecord.started("20261201T093000Z-smoke", 1_764_581_400_000L, settings,
                new InjectionPlan(settings.profile()), target, 2);
        RunJsonFile.write(runDir, started);

        String text = Files.readString(runDir.resolve(RunFiles.RUN_JSON));
        assertFalse(text.contains("gw-s3cret"), text);
        assertEquals("https://queue:***@gateway.example:8443", started.target().gatewayUrl());
        assertEquals(RunOutcome.RUNNING, started.outcome());
        assertNull(started.endMs());
        assertEquals("smoke", started.label());
        assertEquals(3, started.profile().phases().size());
        assertEquals("even", started.profile().arrivals());
        assertEquals(started, RunJsonFile.read(runDir));
    }

    @Test
    void aGatewayUrlWithoutPasswordIsRecordedAsGiven() {
        assertEquals("http://127.0.0.1:8080", new RunTarget("http://127.0.0.1:8080", true, null, null, null)
                .recordedGatewayUrl());
        assertEquals("http://user@host:80/x", new RunTarget("http://user@host:80/x", true, null, null, null)
                .recordedGatewayUrl());
    }
}
