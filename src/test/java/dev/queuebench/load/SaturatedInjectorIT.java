package dev.queuebench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.gateway.CannedGateway;
import dev.queuebench.profile.JourneyShape;
import dev.queuebench.profile.LoadProfile;
import dev.queuebench.profile.Phase;
import dev.queuebench.rundir.RunOutcome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An injector asked for far more than two cores can send: the run must say injector-saturated and
 * never look like a pass. The target answers canned JSON so that only the injector limits the rate.
 * Which limit it meets first (its CPU, its heap, its file descriptors) depends on the machine; every
 * one of them must end the run as {@code injector-saturated} with advice on more injectors.
 */
class SaturatedInjectorIT {
    @Test
    void aStarvedInjectorIsReportedAsSaturated(@TempDir Path results) throws Exception {
        // queuebench's own canned gateway (Netty, one I/O thread) answers far faster than two cores can inject.
        // (The JDK's HttpServer once stood in here: it answered so slowly that connections piled up until the
        // injector ran out of file descriptors, which is another failure; InjectorOutOfFilesIT covers that one.)
        CannedGateway canned = CannedGateway.start("127.0.0.1", 0, 1);
        try {
            // About 14,000 journeys a second (30,000 requests/s) for 10 s: far beyond what two shared cores can send.
            // (5 s was once enough; since every user is a journey, the arrivals are fewer than the old ceiling's
            // candidates, and a 5 s hold sometimes ended before the shortfall showed.)
            LoadProfile profile = new LoadProfile("starved", "more than the injector can send", List.of(
                    new Phase("warmup", 1, 0, 100, true),
                    new Phase("hold-30000", 10, 30_000, 30_000, false)),
                    new JourneyShape(1, 1_000, 0.2, 0.1, 1), null, false);
            RunSettings settings = RunSettings.builder(profile).label("starved").nodeType("none").resultsRoot(results)
                    .requestTimeoutMillis(2_000).injectorHeapMb(512).gatlingReport(false).build();
            String baseUrl = canned.baseUrl();
            LoadRun.Result result = new LoadRun(settings, new RunTarget(baseUrl, false, null, null, null), line -> { })
                    .execute();

            assertEquals(RunOutcome.INJECTOR_SATURATED, result.outcome(), result.reason());
            assertTrue(result.reason().contains("injector"), result.reason());
            assertTrue(result.reason().contains("--injector-count") || result.reason().contains("more injectors"),
                    result.reason());
            JsonNode manifest = RunDirectories.manifest(result.runDir());
            assertEquals("injector-saturated", manifest.get("outcome").asText());
        } finally {
            canned.close();
        }
    }
}
