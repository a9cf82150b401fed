package dev.queuebench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.cli.QueuebenchCommand;
import dev.queuebench.gateway.CannedGateway;
import dev.queuebench.rundir.ArrivalsCsv;
import dev.queuebench.rundir.RunFiles;
import dev.queuebench.rundir.MetricRow;
import dev.queuebench.metrics.StrictServerCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main job, shortened: a smoke run on the embedded default, end to end. */
class SmokeRunIT {
    @Test
    void smokeRunLeavesACompleteRunDirectoryThatReconcilesWithGatling(@TempDir Path results) throws Exception {
        int exit = QueuebenchCommand.commandLine().execute("run", "--profile", "smoke",
                "--results-dir", results.toString());
        assertEquals(0, exit);
        Path runDir = RunDirectories.only(results);
        assertTrue(runDir.getFileName().toString().matches("\\d{8}T\\d{6}Z-smoke"), runDir.toString());
        for (String file : new String[] {"run.json", "latency.hlog", "requests.csv", "gatling/simulation.log",
            "gatling/index.html", "gatling/console.log"}) {
            assertTrue(Files.exists(runDir.resolve(file)), file + " missing");
        }

        JsonNode manifest = RunDirectories.manifest(runDir);
        assertEquals("completed", manifest.get("outcome").asText(), manifest.toPrettyString());
        assertEquals("smoke", manifest.path("profile").path("name").asText());
        assertEquals("3.15.1", manifest.path("versions").path("gatling").asText());
        assertTrue(manifest.path("target").path("embedded").asBoolean());
        assertTrue(manifest.path("profile").path("journey").path("requests_per_user_modelled").asDouble() > 1);

        // Every request Gatling counted is in requests.csv and latency.hlog, exactly.
        Map<String, Long> gatling = new HashMap<>(RunDirectories.gatlingConsoleTotals(runDir));
        Long global = gatling.remove("Global");
        assertNotNull(global, "no Global row in Gatling's last console block:\n"
                + String.join("\n", Files.readAllLines(runDir.resolve("gatling/console.log")).stream()
                        .skip(Math.max(0, Files.readAllLines(runDir.resolve("gatling/console.log")).size() - 40))
                        .toList()));
        Map<String, Long> csv = RunDirectories.csvTotals(runDir);
        assertEquals(gatling, csv);
        assertEquals(csv, RunDirectories.hlogTotals(runDir));
        assertEquals(global, csv.values().stream().mapToLong(Long::longValue).sum());
        assertTrue(global > 100, "too few requests: " + global);

        // The injector started the users the arrival control scheduled in every measured phase, within 5% (and
        // Poisson noise), and every user was a journey.
        assertStartedWhatWasScheduled(manifest);
        double perUser = manifest.path("totals").path("requests_per_user_measured").asDouble();
        assertTrue(perUser < 0.8 * manifest.path("totals").path("requests_per_user_modelled").asDouble(),
                "users were admitted early, so journeys are shorter than the model: " + perUser);
        // server.csv, sampled beside the run: every request runs the rate-limit EVALSHA, every join the enqueue
        // script, and an enter from beyond position 10 the admission bucket; rates add up to calls (1 s each).
        assertTrue(Files.exists(runDir.resolve("server.csv")), "server.csv missing");
        assertTrue(Files.exists(runDir.resolve("alarms.json")), "alarms.json missing");
        double evalshaCalls = StrictServerCsv.of(StrictServerCsv.read(runDir), "primary", "cmd.evalsha.calls_per_sec").stream()
                .mapToDouble(MetricRow::value).sum();
        long atLeast = global + csv.get("join");
        long atMost = atLeast + csv.getOrDefault("enter", 0L);
        assertTrue(evalshaCalls >= 0.98 * atLeast && evalshaCalls <= 1.02 * atMost,
                "EVALSHA calls from server.csv " + evalshaCalls + ", expected " + atLeast + " to " + atMost);

        JsonNode hold = manifest.get("delivery").get(manifest.get("delivery").size() - 1);
        assertEquals("hold-50", hold.get("phase").asText());
        double ratio = hold.get("sent_requests").asDouble() / hold.get("intended_requests").asDouble();
        // and held the planned request rate, although the embedded gateway admits users at their first polls, far
        // sooner than the never-admitted journey model (below).
        assertTrue(ratio >= 0.97 && ratio <= 1.03, "hold requests ratio " + ratio);

        // The queue-integrity audit of a clean run: every journey recorded, nothing lost, no double admission,
        // nothing out of order, and position and ETA figures (docs/integrity.md).
        assertTrue(Files.exists(runDir.resolve("journeys.bin.gz")), "journeys.bin.gz missing");
        JsonNode audit = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(runDir.resolve("summary.json").toFile()).path("integrity");
        assertEquals(manifest.path("totals").path("journeys_started").asLong(), audit.path("journeys").asLong(),
                audit.toPrettyString());
        assertEquals(0, audit.path("lost_users").asLong(), audit.toPrettyString());
        assertEquals(0, audit.path("double_admissions").asLong(), audit.toPrettyString());
        assertEquals(0, audit.path("order_violations").asLong(), audit.toPrettyString());
        assertTrue(audit.path("double_clicks").asLong() > 0, audit.toPrettyString());
        assertTrue(audit.path("position_checks").asLong() > 100, audit.toPrettyString());
        assertTrue(audit.path("eta_checks").asLong() > 100, audit.toPrettyString());
        assertTrue(audit.path("position_error_p99").isNumber() && audit.path("eta_error_median_pct").isNumber(),
                audit.toPrettyString());
    }

    @Test
    void againstATargetThatNeverAdmitsFullJourneysHoldThePlanToo(@TempDir Path results) throws Exception {
        // The other kind of target: canned answers every poll "waiting", so journeys are as long as the model's
        // and about four times as long as the embedded gateway's (above). The arrival control learns that in the
        // warm-up and holds the same plan with a quarter of the arrivals.
        try (CannedGateway canned = CannedGateway.start("127.0.0.1", 0, 2)) {
            int exit = QueuebenchCommand.commandLine().execute("run", "--profile", "smoke", "--target",
                    canned.baseUrl(), "--no-gatling-report", "--results-dir", results.toString());
            assertEquals(0, exit);
        }
        Path runDir = RunDirectories.only(results);
        JsonNode manifest = RunDirectories.manifest(runDir);
        assertEquals("completed", manifest.get("outcome").asText(), manifest.toPrettyString());
        JsonNode hold = manifest.get("delivery").get(manifest.get("delivery").size() - 1);
        double ratio = hold.get("sent_requests").asDouble() / hold.get("intended_requests").asDouble();
        assertTrue(ratio >= 0.97 && ratio <= 1.03, "hold requests ratio " + ratio);
        double perUser = manifest.path("totals").path("requests_per_user_measured").asDouble();
        double modelled = manifest.path("totals").path("requests_per_user_modelled").asDouble();
        assertTrue(Math.abs(perUser - modelled) < 0.15 * modelled, "never admitted: the model's journeys, "
                + perUser + " requests per user against " + modelled);
        assertStartedWhatWasScheduled(manifest);

        // arrivals.csv: a decision for every second of the plan, whose estimates end near the measured journeys.
        SortedMap<Integer, ArrivalsCsv.Second> arrivals = ArrivalsCsv.read(runDir.resolve(RunFiles.ARRIVALS_CSV));
        int planSec = 0;
        for (JsonNode phase : manifest.path("profile").path("phases")) {
            planSec += phase.path("duration_sec").asInt();
        }
        assertEquals(planSec, arrivals.size());
        assertEquals(manifest.path("totals").path("journeys_started").asLong(),
                arrivals.values().stream().mapToLong(ArrivalsCsv.Second::scheduledJourneys).sum());
        assertEquals(perUser, arrivals.get(arrivals.lastKey()).requestsPerJourney(), 0.15 * perUser);
    }

    /** Every measured phase started the users scheduled for it (Poisson noise aside), and each one was a journey. */
    private static void assertStartedWhatWasScheduled(JsonNode manifest) {
        for (JsonNode phase : manifest.get("delivery")) {
            double planned = phase.get("planned_candidates").asDouble();
            double injected = phase.get("injected_candidates").asDouble();
            assertTrue(planned > 0, phase.toString());
            assertTrue(Math.abs(injected - planned) <= 0.05 * planned + 3 * Math.sqrt(planned), phase.toString());
        }
        assertEquals(manifest.path("totals").path("journeys_started").asLong(),
                manifest.path("totals").path("users_injected").asLong(), "no user injected without a journey");
    }
}
