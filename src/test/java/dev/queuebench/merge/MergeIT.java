package dev.queuebench.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.cli.QueuebenchCommand;
import dev.queuebench.gateway.GatewayServer;
import dev.queuebench.gateway.GatewaySettings;
import dev.queuebench.load.RunDirectories;
import dev.queuebench.redis.EmbeddedRedis;
import dev.queuebench.redis.PoolProfile;
import dev.queuebench.redis.RedisClients;
import dev.queuebench.rundir.JsonFiles;
import dev.queuebench.rundir.LatencyHlog;
import dev.queuebench.rundir.RequestSecond;
import dev.queuebench.rundir.RequestsCsv;
import dev.queuebench.rundir.RunFiles;
import dev.queuebench.rundir.RunJson;
import dev.queuebench.rundir.RunJsonFile;
import dev.queuebench.rundir.RunOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

/**
 * Several injector processes ({@code java -jar target/queuebench.jar run}) against one gateway, started
 * together with {@code --start-at} and one run group, merged: the merged latency log is the exact sum
 * of the parts', second by second and name by name; the counts are the parts' summed; the Redis is
 * sampled once; a part killed mid-run is merged up to its last second and named.
 */
class MergeIT {
    private static final Path JAR = Path.of("target", "queuebench.jar");
    private static final int LEAD_SEC = 30;

    private static EmbeddedRedis redis;
    private static RedisClient client;
    private static GatewayServer gateway;

    @TempDir
    Path work;

    @BeforeAll
    static void startTarget() {
        redis = EmbeddedRedis.builder().start();
        client = RedisClients.open(redis.endpoint(), PoolProfile.parse("current"), null, "queuebench-gateway");
        gateway = GatewayServer.start(GatewayServer.Options.loopback(0), client, null, GatewaySettings.defaults());
    }

    @AfterAll
    static void stopTarget() {
        gateway.close();
        client.close();
        redis.close();
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void twoInjectorsStartTogetherAndMergeIntoTheExactSumOfTheirParts() throws Exception {
        long startAtSec = System.currentTimeMillis() / 1000 + LEAD_SEC;
        List<Process> injectors = new ArrayList<>();
        for (int index = 0; index < 2; index++) {
            injectors.add(injector(index, 2, "merge-two", startAtSec));
        }
        for (int index = 0; index < 2; index++) {
            assertEquals(0, waitFor(injectors.get(index), 200), console(index));
        }
        List<Path> parts = parts();
        for (Path part : parts) {
            double startSec = LatencyHlog.startTimeSec(new RunFiles(part));
            assertTrue(Math.abs(startSec - startAtSec) < 1.5, part + " began at " + startSec + ", --start-at was "
                    + startAtSec);
        }
        assertTrue(Files.isRegularFile(parts.get(0).resolve(RunFiles.SERVER_CSV)), "injector 0 samples the Redis");
        assertFalse(Files.exists(parts.get(1).resolve(RunFiles.SERVER_CSV)), "injector 1 does not");

        Path merged = work.resolve("merged-two");
        assertEquals(0, QueuebenchCommand.commandLine().execute(concat(parts, "--out", merged.toString())));
        assertExactSum(parts, merged);
        // The merged counts are Gatling's own totals over both parts (its console's last table).
        Map<String, Long> gatling = new TreeMap<>();
        for (Path part : parts) {
            RunDirectories.gatlingConsoleTotals(part).forEach((name, count) -> gatling.merge(name, count, Long::sum));
        }
        Map<String, Long> mergedCounts = new TreeMap<>();
        long all = 0;
        for (RequestSecond row : RequestsCsv.read(new RunFiles(merged)).rows()) {
            mergedCounts.merge(row.request(), row.total(), Long::sum);
            all += row.total();
        }
        mergedCounts.put("Global", all);
        assertEquals(gatling, mergedCounts);
        RunJson run = RunJsonFile.read(merged);
        assertEquals(RunOutcome.COMPLETED, run.outcome(), run.reasonOrEmpty());
        assertEquals(2, run.partsOrNone().size());
        assertEquals(2, run.injector().count());
        assertEquals(Files.readAllLines(parts.get(0).resolve(RunFiles.SERVER_CSV)),
                Files.readAllLines(merged.resolve(RunFiles.SERVER_CSV)), "server metrics once, from the sampler");
        assertTrue(Files.isRegularFile(merged.resolve(RunFiles.journeysOfPart(0)))
                && Files.isRegularFile(merged.resolve(RunFiles.journeysOfPart(1))));
        // The phases are the whole run's: the parts' rates times two.
        double partHold = RunJsonFile.read(parts.get(0)).profile().phases().stream()
                .filter(phase -> phase.name().startsWith("hold")).findFirst().orElseThrow().toRps();
        double wholeHold = run.profile().phases().stream().filter(phase -> phase.name().startsWith("hold"))
                .findFirst().orElseThrow().toRps();
        assertEquals(2 * partHold, wholeHold, 1e-9);
        assertTrue(Files.isRegularFile(merged.resolve(RunFiles.SUMMARY_JSON)), "the report is made");
        // Every part's journeys are audited as one run.
        long partJourneys = 0;
        for (Path part : parts) {
            partJourneys += JsonFiles.read(part.resolve(RunFiles.SUMMARY_JSON)).path("integrity").path("journeys")
                    .asLong();
        }
        assertTrue(partJourneys > 0);
        assertEquals(partJourneys, JsonFiles.read(merged.resolve(RunFiles.SUMMARY_JSON)).path("integrity")
                .path("journeys").asLong());

        // HdrHistogram's own tool reads the merged log.
        Path processed = work.resolve("processed");
        new HistogramLogProcessor(new String[] {"-i", merged.resolve(RunFiles.LATENCY_LOG).toString(), "-o",
            processed.toString(), "-csv"}).run();
        assertTrue(Files.size(processed) > 0, "HistogramLogProcessor wrote nothing");

        // A single injector at the same total rate against the same target: the gate sees the same load
        // delivered, errors, throughput and queue integrity, and Redis's CPU per request (the sampler's,
        // divided by both parts' requests) is the single run's within 25%, where charging it to one part's
        // requests would double it. (Two runs in a row at these rates differ by up to 10% here, beyond the
        // interval's noise: the background weighs.) Latency is left out: on this 2-core machine two injectors
        // are four JVMs against one's two, and their contention, not the merge, moves the client's p99.
        Path single = work.resolve("single");
        assertEquals(0, QueuebenchCommand.commandLine().execute("run", "--profile", "smoke", "--scale", "4", "--hold-sec", "24",
                "--no-gatling-report", "--target", gateway.baseUrl(), "--redis", "redis://127.0.0.1:" + redis.port(),
                "--label", "single", "--results-dir", single.toString()));
        Path singleRun;
        try (Stream<Path> dirs = Files.list(single)) {
            singleRun = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Path rules = work.resolve("cpu-rules.json");
        Files.writeString(rules, "{\"rules\": [{\"name\": \"delivered\", \"metric\": \"delivered_requests_pct\", "
                + "\"request\": \"run\", \"step\": \"hold-*\", \"min\": 95}, {\"name\": \"errors\", \"metric\": "
                + "\"error_rate_pct\", \"request\": \"all\", \"step\": \"*\", \"max\": 0.1}, {\"name\": "
                + "\"throughput\", \"metric\": \"throughput_rps\", \"request\": \"all\", \"step\": \"hold-*\", "
                + "\"max_decrease_pct\": 5}, {\"name\": \"lost\", \"metric\": \"lost_users\", \"request\": "
                + "\"run\", \"step\": \"measured\", \"max\": 0}, {\"name\": \"cpu per request no higher\", \"metric\": "
                + "\"engine_cpu_micros_per_request\", \"request\": \"run\", \"step\": \"measured\", "
                + "\"max_increase_pct\": 25}, {\"name\": \"cpu per request no lower\", \"metric\": "
                + "\"engine_cpu_micros_per_request\", \"request\": \"run\", \"step\": \"measured\", "
                + "\"max_decrease_pct\": 25}]}");
        assertEquals(QueuebenchCommand.EXIT_OK, QueuebenchCommand.commandLine().execute("gate", "--baseline",
                singleRun.toString(), "--candidate", merged.toString(), "--rules", rules.toString()),
                Files.readString(merged.resolve("gate.md")));

        // The same parts again, one given twice: refused, naming both.
        int refused = QueuebenchCommand.commandLine().execute(concat(List.of(parts.get(0), parts.get(0)), "--out",
                work.resolve("refused").toString()));
        assertEquals(QueuebenchCommand.EXIT_FAILURE, refused);
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void threeInjectorsWithOneKilledMidRunMergeUpToItsLastSecondAndNameIt() throws Exception {
        long startAtSec = System.currentTimeMillis() / 1000 + LEAD_SEC;
        List<Process> injectors = new ArrayList<>();
        for (int index = 0; index < 3; index++) {
            injectors.add(injector(index, 3, "merge-three", startAtSec));
        }
        // Injector 2's pod dies 30 s into the run (near the hold's end): the process and its Gatling, without
        // warning. (At a part's 67 requests/s Gatling's 8 KB log buffer holds the last few seconds: they die with it.)
        long killAtMillis = (startAtSec + 30) * 1000;
        while (System.currentTimeMillis() < killAtMillis) {
            Thread.sleep(100);
        }
        Process killed = injectors.get(2);
        killed.descendants().forEach(ProcessHandle::destroyForcibly);
        killed.destroyForcibly();
        assertEquals(0, waitFor(injectors.get(0), 200), console(0));
        assertEquals(0, waitFor(injectors.get(1), 200), console(1));
        killed.waitFor(10, TimeUnit.SECONDS);

        List<Path> parts = parts();
        assertEquals(3, parts.size());
        Path merged = work.resolve("merged-three");
        assertEquals(QueuebenchCommand.EXIT_FAILURE,
                QueuebenchCommand.commandLine().execute(concat(parts, "--out", merged.toString())),
                "a run with a part that ended early is no pass");
        assertExactSum(parts, merged);
        RunJson run = RunJsonFile.read(merged);
        assertEquals(RunOutcome.ABORTED, run.outcome(), run.reasonOrEmpty());
        assertTrue(run.reasonOrEmpty().startsWith("part 2 ended running at "), run.reasonOrEmpty());
        // Its last second is before the kill (Gatling's log buffer and the request timeout's horizon hold the
        // last seconds back, so a killed part's record ends some seconds before its death) and before the others'.
        RunJson.Part part2 = run.partsOrNone().get(2);
        assertNotNull(part2.lastSecondEpochSec(), run.reasonOrEmpty());
        long othersLast = Math.min(run.partsOrNone().get(0).lastSecondEpochSec(),
                run.partsOrNone().get(1).lastSecondEpochSec());
        assertTrue(part2.lastSecondEpochSec() <= killAtMillis / 1000 && part2.lastSecondEpochSec() < othersLast,
                "part 2's last second " + part2.lastSecondEpochSec() + ", killed at " + killAtMillis / 1000
                        + ", the others' last " + othersLast);
        assertTrue(run.reasonOrEmpty().contains("s before the others"), run.reasonOrEmpty());
        String report = Files.readString(merged.resolve(RunFiles.REPORT_MD));
        assertTrue(report.contains("## Parts") && report.contains("| 2 | running") && report.contains("parts/2/gatling/"),
                report);

        // Without part 1, the run is incomplete, with the missing injector named and no verdict.
        Path incomplete = work.resolve("incomplete");
        QueuebenchCommand.commandLine().execute(concat(List.of(parts.get(0), parts.get(2)), "--out",
                incomplete.toString()));
        RunJson partial = RunJsonFile.read(incomplete);
        assertEquals(RunOutcome.INCOMPLETE, partial.outcome());
        assertTrue(partial.reasonOrEmpty().startsWith("injector 1 of 3 missing"), partial.reasonOrEmpty());
    }

    /** Per second and name, the merged histogram equals the sum of the parts' (every value's count), and the counts too. */
    private static void assertExactSum(List<Path> parts, Path merged) {
        Map<String, Histogram> expected = new TreeMap<>();
        for (Path part : parts) {
            LatencyHlog.forEachSecond(new RunFiles(part), second -> expected.computeIfAbsent(
                    second.epochSec() + "/" + second.request(), key -> new Histogram(3)).add(second.histogram()));
        }
        Map<String, Histogram> actual = new TreeMap<>();
        LatencyHlog.forEachSecond(new RunFiles(merged), second -> actual.put(second.epochSec() + "/"
                + second.request(), second.histogram()));
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((key, histogram) -> {
            Histogram got = actual.get(key);
            assertEquals(histogram.getTotalCount(), got.getTotalCount(), key);
            histogram.recordedValues().forEach(value -> assertEquals(value.getCountAtValueIteratedTo(),
                    got.getCountAtValue(value.getValueIteratedTo()), key + " at " + value.getValueIteratedTo()));
        });
        Map<String, long[]> requests = new HashMap<>();
        for (Path part : parts) {
            for (RequestSecond row : RequestsCsv.read(new RunFiles(part)).rows()) {
                long[] okKo = requests.computeIfAbsent(row.epochSec() + "/" + row.request(), key -> new long[2]);
                okKo[0] += row.ok();
                okKo[1] += row.ko();
            }
        }
        List<RequestSecond> rows = RequestsCsv.read(new RunFiles(merged)).rows();
        assertEquals(requests.size(), rows.size());
        for (RequestSecond row : rows) {
            long[] okKo = requests.get(row.epochSec() + "/" + row.request());
            assertEquals(okKo[0], row.ok(), row.toString());
            assertEquals(okKo[1], row.ko(), row.toString());
        }
    }

    private Process injector(int index, int count, String group, long startAtSec) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString(), "run", "--profile", "smoke", "--scale", "4", "--hold-sec", "24",
                "--no-gatling-report", "--injector-heap-mb", "256", "--target", gateway.baseUrl(), "--redis",
                "redis://127.0.0.1:" + redis.port(), "--injector-count", Integer.toString(count), "--injector-index",
                Integer.toString(index), "--run-group", group, "--start-at", Long.toString(startAtSec),
                "--label", "part" + index, "--results-dir", work.resolve("part" + index).toString()));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("console-" + index + ".log").toFile()).start();
    }

    private static int waitFor(Process process, int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    private String console(int index) {
        try {
            return Files.readString(work.resolve("console-" + index + ".log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no console: " + e.getMessage() + ")";
        }
    }

    /** Each injector's run directory, by index. */
    private List<Path> parts() throws IOException {
        List<Path> parts = new ArrayList<>();
        for (int index = 0; Files.isDirectory(work.resolve("part" + index)); index++) {
            try (Stream<Path> dirs = Files.list(work.resolve("part" + index))) {
                parts.add(dirs.filter(Files::isDirectory).findFirst().orElseThrow());
            }
        }
        return parts;
    }

    private static String[] concat(List<Path> parts, String... rest) {
        List<String> args = new ArrayList<>(List.of("merge"));
        parts.forEach(part -> args.add(part.toString()));
        args.addAll(List.of(rest));
        return args.toArray(new String[0]);
    }
}
