package dev.queuebench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.rundir.JsonFiles;
import dev.queuebench.rundir.RunFiles;
import dev.queuebench.s3.LocalS3;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C and SIGTERM sent to a real {@code java -jar target/queuebench.jar run --profile smoke}
 * process (issue 17, item 1): the run ends {@code aborted} with the signal as its reason and an end
 * time, every second up to the signal is recorded, the report is written, the console says the
 * outcome, the process exits with 128 + the signal's number and leaves no Gatling or Redis behind.
 */
class InterruptedRunIT {
    private static final Path JAR = Path.of("target", "queuebench.jar");
    private static final int SIGINT_EXIT = 130;

    /** Ctrl-C, and SIGTERM (how Kubernetes stops an injector pod), in the middle of smoke's hold. */
    @ParameterizedTest(name = "SIG{0} mid-hold")
    @CsvSource({"INT, 130, interrupted by SIGINT (Ctrl-C)",
        "TERM, 143, 'stopped by SIGTERM (kill, or Kubernetes stopping the pod)'"})
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void aSignalMidHoldRecordsEverySecondUpToItAndTheReport(String signal, int exitCode, String reason,
            @TempDir Path results) throws Exception {
        Interrupted run = interrupt(results, signal, line -> line.contains(" hold-50 "));

        assertEquals(exitCode, run.exitCode, run.console());
        assertAbortedAndRecorded(run, reason);
        assertRequestsReachTheSignal(run);
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void ctrlCWhileGatlingIsStillStartingEndsAbortedToo(@TempDir Path results) throws Exception {
        Interrupted run = interrupt(results, "INT", line -> line.startsWith("Starting Gatling"));

        assertEquals(SIGINT_EXIT, run.exitCode, run.console());
        assertAbortedAndRecorded(run, "interrupted by SIGINT (Ctrl-C)");
    }

    /**
     * SIGTERM to a part of a run group with {@code --upload} (a Kubernetes pod stopped mid-run): the part is
     * recorded as above and only then uploaded, every file of it, run.json and the report included, before
     * the process exits; the credentials (the child's environment) are in no file and no console line.
     */
    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void sigtermUploadsTheAbortedPartAfterItsRunJsonAndReport(@TempDir Path results) throws Exception {
        try (LocalS3 s3 = LocalS3.started("qb-parts")) {
            List<String> upload = new ArrayList<>(List.of("--upload", "s3://qb-parts/runs", "--injector-count", "2",
                    "--injector-index", "1", "--run-group", "g-term", "--start-at",
                    Long.toString(System.currentTimeMillis() / 1000 + 30)));
            upload.addAll(List.of(s3.cliOptions()));
            Interrupted run = interrupt(results, "TERM", line -> line.contains(" hold-50 "), upload,
                    Map.of("AWS_ACCESS_KEY_ID", LocalS3.KEY_ID, "AWS_SECRET_ACCESS_KEY", LocalS3.SECRET));

            assertEquals(143, run.exitCode, run.console());
            assertAbortedAndRecorded(run, "stopped by SIGTERM (kill, or Kubernetes stopping the pod)");
            String part = "runs/g-term/part-1/";
            assertTrue(run.lines.stream().anyMatch(line -> line.startsWith("Uploaded ")
                    && line.contains(" to s3://qb-parts/" + part + " in ")), run.console());
            Map<String, byte[]> objects = s3.objects("qb-parts", part);
            List<Path> files;
            try (var walk = Files.walk(run.runDir)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            assertEquals(files.stream().map(file -> part + run.runDir.relativize(file)).sorted().toList(),
                    List.copyOf(objects.keySet()), run.console());
            for (Path file : files) {
                assertArrayEquals(Files.readAllBytes(file), objects.get(part + run.runDir.relativize(file)),
                        file.toString());
            }
            LocalS3.assertNoCredentialIn(run.runDir);
            LocalS3.assertNoCredentialIn(run.console().getBytes(StandardCharsets.UTF_8), "the console");
        }
    }

    private static void assertAbortedAndRecorded(Interrupted run, String reason) throws IOException {
        JsonNode runJson = JsonFiles.read(run.runDir.resolve(RunFiles.RUN_JSON));
        assertEquals("aborted", runJson.path("outcome").asText(), runJson.toPrettyString());
        assertEquals(reason, runJson.path("reason").asText());
        long endMillis = runJson.path("end_ms").asLong();
        assertTrue(endMillis >= run.signalMillis && endMillis <= run.exitMillis,
                "end_ms " + endMillis + " must fall between the signal " + run.signalMillis + " and the exit "
                        + run.exitMillis);
        assertTrue(run.lines.contains("Outcome: aborted (" + reason + ")"), run.console());
        for (String file : new String[] {RunFiles.SUMMARY_JSON, RunFiles.REPORT_HTML, RunFiles.REPORT_MD,
            RunFiles.REQUESTS_CSV, RunFiles.LATENCY_LOG}) {
            assertTrue(Files.isRegularFile(run.runDir.resolve(file)), file + " missing\n" + run.console());
        }
        assertTrue(ProcessHandle.allProcesses()
                        .noneMatch(process -> process.info().commandLine().orElse("").contains(run.runDir.toString())),
                "a process of the run (Gatling) is still running");
        assertTrue(!Files.exists(run.runDir.resolve("gatling/stop-requested")), "the stop request is cleaned up");
    }

    /** requests.csv holds every second up to the signal's, give or take the one Gatling was stopping in. */
    private static void assertRequestsReachTheSignal(Interrupted run) throws IOException {
        assertTrue(Files.isRegularFile(run.runDir.resolve("gatling/simulation.log")), run.console());
        List<String> rows = Files.readAllLines(run.runDir.resolve(RunFiles.REQUESTS_CSV));
        long lastSec = Long.parseLong(rows.get(rows.size() - 1).split(",", -1)[0]);
        long signalSec = run.signalMillis / 1000;
        assertTrue(lastSec >= signalSec - 2, "requests.csv ends at " + lastSec + ", the signal came at " + signalSec);
        // The journeys up to the signal were recorded and the log completed on the way out (a shutdown hook), so
        // the audit reads all of it and finds nothing wrong with a healthy gateway.
        JsonNode audit = JsonFiles.read(run.runDir.resolve(RunFiles.SUMMARY_JSON)).path("integrity");
        assertTrue(audit.path("journeys").asLong() > 50, audit.toPrettyString());
        assertEquals(false, audit.path("journeys_cut_short").asBoolean(), audit.toPrettyString());
        assertEquals(0, audit.path("lost_users").asLong(), audit.toPrettyString());
        assertEquals(0, audit.path("double_admissions").asLong(), audit.toPrettyString());
    }

    /** Starts a smoke run, sends the signal at the first console line that matches, waits for the exit. */
    private static Interrupted interrupt(Path results, String signal, Predicate<String> moment) throws Exception {
        return interrupt(results, signal, moment, List.of(), Map.of());
    }

    /** As above, with more options for the run and more variables in its environment. */
    private static Interrupted interrupt(Path results, String signal, Predicate<String> moment, List<String> options,
            Map<String, String> environment) throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " missing: build it with ./mvnw -B -o package -DskipTests");
        List<String> command = new ArrayList<>();
        if (sigintIgnored()) {
            // Started from a background job, this JVM ignores SIGINT and so would the child; a terminal's does not.
            command.addAll(List.of("env", "--default-signal=INT"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString(), "run", "--profile", "smoke", "--results-dir", results.toString()));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        BlockingQueue<String> console = new LinkedBlockingQueue<>();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    console.add(line);
                }
            } catch (IOException e) {
                console.add("console read failed: " + e.getMessage());
            }
        }, "run-console");
        reader.start();
        try {
            long deadlineMillis = System.currentTimeMillis() + 100_000;
            while (true) {
                String line = console.poll(deadlineMillis - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
                if (line == null) {
                    throw new AssertionError("no console line matched within 100 s:\n" + String.join("\n", lines));
                }
                lines.add(line);
                if (moment.test(line)) {
                    break;
                }
            }
            long signalMillis = System.currentTimeMillis();
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the run did not exit within 30 s of SIG" + signal);
            long exitMillis = System.currentTimeMillis();
            reader.join(5_000);
            console.drainTo(lines);
            return new Interrupted(onlyRunDir(results), process.exitValue(), signalMillis, exitMillis, lines);
        } finally {
            process.destroyForcibly();
        }
    }

    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseLong(line.substring("SigIgn:".length()).trim(), 16) & (1L << 1)) != 0;
            }
        }
        return false;
    }

    private static Path onlyRunDir(Path results) throws IOException {
        try (var runs = Files.list(results)) {
            List<Path> all = runs.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    private record Interrupted(Path runDir, int exitCode, long signalMillis, long exitMillis, List<String> lines) {
        String console() {
            return String.join("\n", lines);
        }
    }
}
