package dev.queuebench.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.cli.QueuebenchCommand;
import dev.queuebench.rundir.JsonFiles;
import dev.queuebench.rundir.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue-integrity audit on real runs: a Redis that restarts mid-run, and a gateway that grants a double click twice. */
class QueueIntegrityIT {
    @TempDir
    Path results;

    /**
     * The embedded Redis keeps nothing, so a restart drops every waiting user: the audit must show them as
     * lost users at that second, each counted once (its journey stops at the refusal), not as a stream
     * of 404s from users polling dead tokens.
     */
    @Test
    void aRedisRestartMidRunShowsAsLostUsersAtThatSecond() throws Exception {
        AtomicLong restartedAtMs = new AtomicLong();
        int exit;
        ScheduledExecutorService drill = Executors.newSingleThreadScheduledExecutor();
        try (GatewayFixture gateway = GatewayFixture.start(GatewaySettings.defaults())) {
            drill.schedule(() -> {
                gateway.redis.stop();
                gateway.redis.restart();
                restartedAtMs.set(System.currentTimeMillis());
            }, 27, TimeUnit.SECONDS);
            exit = QueuebenchCommand.commandLine().execute("run", "--profile", "smoke", "--hold-sec", "20",
                    "--target", gateway.server.baseUrl(), "--no-gatling-report", "--label", "restart",
                    "--results-dir", results.toString());
        } finally {
            drill.shutdownNow();
        }
        assertTrue(restartedAtMs.get() > 0, "the run ended before the restart");
        JsonNode summary = summary(onlyRun());
        // No drill explains the outage: the run is not a completed one, and says why.
        assertEquals(1, exit);
        assertEquals("target-failed", summary.path("run").path("outcome").asText(), summary.path("run").toString());
        assertTrue(summary.path("run").path("reason").asText().contains("an outage no drill explains"),
                summary.path("run").toString());
        JsonNode audit = summary.path("integrity");
        long lost = audit.path("lost_users").asLong();
        assertTrue(lost >= 5, "a restart that drops every waiting user must lose some: " + audit.toPrettyString());
        long restartSec = restartedAtMs.get() / 1000;
        long nearRestart = 0;
        for (JsonNode second : audit.path("lost_by_second")) {
            long sec = second.path("epoch_sec").asLong();
            if (sec >= restartSec - 1 && sec <= restartSec + 8) {
                nearRestart += second.path("users").asLong();
            }
        }
        assertEquals(lost, nearRestart, "every lost user was refused within seconds of the restart: " + audit);
        // One refusal per lost user: the journey stops there instead of polling a dead token (a double click's
        // own enter may be refused once more while its twin's answer is awaited).
        long refusals = 0;
        for (String request : List.of("status", "enter")) {
            refusals += summary.path("requests").path(request).path("ko_by_cause").path("http_404").asLong();
        }
        assertTrue(refusals <= lost + audit.path("expired_users").asLong() + audit.path("double_clicks").asLong(),
                refusals + " 404s for " + lost + " lost users: " + summary.path("requests"));
        assertTrue(summary.path("warnings").toString().contains("USERS_LOST"), summary.path("warnings").toString());
    }

    /**
     * Every user double-clicks enter on the honest gateway: one click claims the token, the other gets 403 or,
     * when the claim came between its two reads, 404 (no longer in the queue). Neither is an error of the
     * target: no enter fails, nobody is lost or granted twice. (One such 404 in a smoke ramp once failed the
     * gate's 0.1% error rule on an A/A run.)
     */
    @Test
    void theLosingClickOfADoubleClickIsNoError() throws Exception {
        int exit = QueuebenchCommand.commandLine().execute("run", "--profile", "smoke", "--hold-sec", "15",
                "--double-enter-pct", "100", "--no-gatling-report", "--label", "double-clicks",
                "--results-dir", results.toString());
        assertEquals(0, exit);
        Path run = onlyRun();
        JsonNode summary = summary(run);
        JsonNode audit = summary.path("integrity");
        assertTrue(audit.path("double_clicks").asLong() > 100, audit.toPrettyString());
        assertEquals(0, audit.path("users_granted_twice").asLong(), audit.toPrettyString());
        assertEquals(0, audit.path("lost_users").asLong(), audit.toPrettyString());
        List<String> enterFailures = Files.readAllLines(run.resolve(RunFiles.REQUESTS_CSV)).stream()
                .filter(line -> line.split(",")[1].equals("enter") && !line.split(",")[3].equals("0")).toList();
        assertEquals(List.of(), enterFailures);
    }

    /** A gateway whose enter has no claim grants double clicks twice; the audit counts it and the default gate fails. */
    @Test
    void aRacyEnterIsCaughtAsDoubleAdmissionsAndFailsTheDefaultGate() throws Exception {
        int exit = QueuebenchCommand.commandLine().execute("run", "--profile", "smoke", "--hold-sec", "15",
                "--inject-racy-enter", "--double-enter-pct", "30", "--no-gatling-report", "--label", "racy",
                "--results-dir", results.toString());
        assertEquals(0, exit);
        Path run = onlyRun();
        JsonNode audit = summary(run).path("integrity");
        assertTrue(audit.path("double_clicks").asLong() > 10, audit.toPrettyString());
        assertTrue(audit.path("users_granted_twice").asLong() > 0, audit.toPrettyString());
        assertEquals(0, audit.path("lost_users").asLong(), audit.toPrettyString());
        int gate = QueuebenchCommand.commandLine().execute("gate", "--baseline", run.toString(), "--candidate",
                run.toString());
        assertEquals(QueuebenchCommand.EXIT_GATE_FAILED, gate);
        String verdicts = Files.readString(run.resolve("gate.md"));
        assertTrue(verdicts.lines().anyMatch(line -> line.contains("granted entry twice") && line.contains("FAIL")),
                verdicts);
    }

    private Path onlyRun() throws IOException {
        try (Stream<Path> runs = Files.list(results)) {
            List<Path> dirs = runs.filter(Files::isDirectory).toList();
            assertEquals(1, dirs.size(), dirs.toString());
            return dirs.get(0);
        }
    }

    private static JsonNode summary(Path run) throws IOException {
        return JsonFiles.JSON.readTree(run.resolve(RunFiles.SUMMARY_JSON).toFile());
    }
}
