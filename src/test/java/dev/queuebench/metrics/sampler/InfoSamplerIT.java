package dev.queuebench.metrics.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.rundir.JsonFiles;
import dev.queuebench.rundir.MetricRow;
import dev.queuebench.metrics.StrictServerCsv;
import dev.queuebench.metrics.ServerMetric;
import dev.queuebench.redis.EmbeddedRedis;
import dev.queuebench.redis.RedisClients;
import dev.queuebench.redis.RedisTls;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** The sampler against a real Redis with known traffic: the rates in server.csv reconcile with it. */
class InfoSamplerIT {
    private static final int EVALSHA_PER_SEC = 200;
    private static final int LOAD_SEC = 6;

    @Test
    void evalshaRatesReconcileWithTheCallsSent(@TempDir Path dir) throws Exception {
        try (EmbeddedRedis redis = EmbeddedRedis.builder().start();
                Jedis load = RedisClients.single(redis.endpoint(), RedisTls.systemDefault(), 2000)) {
            String sha = load.scriptLoad("return redis.call('INCR', KEYS[1])");
            AtomicLong sent = new AtomicLong();
            try (InfoSampler sampler = InfoSampler.start(dir,
                    SamplerSettings.of(redis.endpoint(), null, RedisTls.systemDefault(), OptionalLong.empty()),
                    message -> { })) {
                // Start after the first whole-second tick: from then on every interval is one second long.
                Thread.sleep(1_200);
                long startNanos = System.nanoTime();
                long intervalNanos = 1_000_000_000L / EVALSHA_PER_SEC;
                for (int i = 0; i < EVALSHA_PER_SEC * LOAD_SEC; i++) {
                    long due = startNanos + i * intervalNanos;
                    while (System.nanoTime() < due) {
                        Thread.onSpinWait();
                    }
                    load.evalsha(sha, 1, "counter");
                    sent.incrementAndGet();
                }
                // Let the sampler take one sample after the last call, so every call is in some interval.
                Thread.sleep(2_100);
            }

            List<MetricRow> rows = StrictServerCsv.read(dir);
            List<MetricRow> evalsha = StrictServerCsv.of(rows, "primary", "cmd.evalsha.calls_per_sec");
            double sumOfRates = evalsha.stream().mapToDouble(MetricRow::value).sum();
            // Each rate after the first tick covers one second, so the rates add up to the calls sent.
            assertEquals(sent.get(), sumOfRates, 0.02 * sent.get(), "evalsha rates " + evalsha);
            List<Double> busy = evalsha.stream().map(MetricRow::value).filter(rate -> rate > EVALSHA_PER_SEC / 2.0)
                    .sorted().collect(Collectors.toList());
            assertTrue(busy.size() >= LOAD_SEC - 2, "busy seconds " + busy);
            // 10%: the sending thread shares two cores with the build; the sum above is the exact check.
            assertEquals(EVALSHA_PER_SEC, busy.get(busy.size() / 2), 0.10 * EVALSHA_PER_SEC);

            // The family metric is the sum of its commands; one sample per second per metric.
            Map<Long, Double> family = StrictServerCsv.of(rows, "primary", ServerMetric.EvalBasedCmds.name()).stream()
                    .collect(Collectors.toMap(MetricRow::epochSec, MetricRow::value));
            for (MetricRow row : evalsha) {
                assertEquals(row.value(), family.get(row.epochSec()), 1e-3, "EvalBasedCmds at " + row.epochSec());
            }
            Set<Long> seconds = new HashSet<>();
            evalsha.forEach(row -> assertTrue(seconds.add(row.epochSec()), "two samples in " + row.epochSec()));
            assertFalse(rows.stream().anyMatch(row -> row.metric().equals(ServerMetric.CounterReset.name())));
            List<MetricRow> items = StrictServerCsv.of(rows, "primary", ServerMetric.CurrItems.name());
            assertEquals(1, items.get(items.size() - 1).value(), "the one counter key");
            assertTrue(StrictServerCsv.of(rows, "primary", "ProcessCPUUtilization").stream().allMatch(r -> r.value() >= 0));

            JsonNode info = JsonFiles.read(dir.resolve("server-info.json"));
            assertEquals("master", info.path("nodes").path("primary").path("role").asText(), info.toString());
            assertEquals(1000, info.path("sampler").path("interval_ms").asInt());
            assertTrue(info.path("sampler").path("info_cpu_micros_per_sec").path("primary").asDouble() > 0, info.toString());
        }
    }

    @Test
    void aRestartIsMarkedAsACounterResetWithoutNegativeRatesAndTheOutageIsAGap(@TempDir Path dir) throws Exception {
        List<String> messages = new ArrayList<>();
        try (EmbeddedRedis redis = EmbeddedRedis.builder().start()) {
            try (InfoSampler sampler = InfoSampler.start(dir,
                    SamplerSettings.of(redis.endpoint(), null, RedisTls.systemDefault(), OptionalLong.empty()),
                    message -> {
                        synchronized (messages) {
                            messages.add(message);
                        }
                    })) {
                try (Jedis load = RedisClients.single(redis.endpoint(), RedisTls.systemDefault(), 2000)) {
                    for (int i = 0; i < 2000; i++) {
                        load.set("k" + i, "v");
                    }
                }
                Thread.sleep(2_100);
                redis.stop();
                Thread.sleep(2_500);
                redis.restart();
                Thread.sleep(2_500);
            }
        }
        List<MetricRow> rows = StrictServerCsv.read(dir);
        List<MetricRow> resets = StrictServerCsv.of(rows, "primary", ServerMetric.CounterReset.name());
        assertEquals(1, resets.size(), rows.toString());
        long resetSec = resets.get(0).epochSec();
        assertTrue(rows.stream().filter(row -> row.epochSec() == resetSec)
                .noneMatch(row -> row.metric().equals(ServerMetric.TotalCmds.name())), "no rates on the reset sample");
        for (MetricRow row : rows) {
            assertTrue(row.value() >= 0, "negative " + row);
        }
        List<Long> seconds = StrictServerCsv.of(rows, "primary", ServerMetric.CurrItems.name()).stream()
                .map(MetricRow::epochSec).collect(Collectors.toList());
        boolean gap = false;
        for (int i = 1; i < seconds.size(); i++) {
            gap |= seconds.get(i) - seconds.get(i - 1) > 1;
        }
        assertTrue(gap, "the outage must leave missing seconds: " + seconds);
        synchronized (messages) {
            assertTrue(messages.stream().anyMatch(m -> m.contains("did not answer INFO")), messages.toString());
            assertTrue(messages.stream().anyMatch(m -> m.contains("answers again")), messages.toString());
        }
    }

    @Test
    void evictionsAreCountedAndSaidOnTheConsole(@TempDir Path dir) throws Exception {
        List<String> messages = new ArrayList<>();
        try (EmbeddedRedis redis = EmbeddedRedis.builder().maxMemoryBytes(4L * 1024 * 1024)
                .config("maxmemory-policy", "allkeys-lru").start()) {
            try (InfoSampler sampler = InfoSampler.start(dir,
                    SamplerSettings.of(redis.endpoint(), null, RedisTls.systemDefault(), OptionalLong.empty()),
                    message -> {
                        synchronized (messages) {
                            messages.add(message);
                        }
                    });
                    Jedis load = RedisClients.single(redis.endpoint(), RedisTls.systemDefault(), 2000)) {
                String value = "x".repeat(1024);
                for (int i = 0; i < 10_000; i++) {
                    load.set("queue:waiting:" + i, value);
                }
                Thread.sleep(2_100);
            }
        }
        List<MetricRow> evictions = StrictServerCsv.of(StrictServerCsv.read(dir), "primary", ServerMetric.Evictions.name());
        assertTrue(evictions.stream().mapToDouble(MetricRow::value).sum() > 1000, evictions.toString());
        synchronized (messages) {
            assertEquals(1, messages.stream().filter(m -> m.contains("is evicting keys")).count(), messages.toString());
        }
    }
}
