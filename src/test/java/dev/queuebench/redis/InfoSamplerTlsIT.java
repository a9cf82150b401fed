package dev.queuebench.redis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.rundir.MetricRow;
import dev.queuebench.metrics.StrictServerCsv;
import dev.queuebench.metrics.sampler.InfoSampler;
import dev.queuebench.metrics.sampler.SamplerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The INFO sampler over rediss:// with AUTH, as against ElastiCache with in-transit encryption. It
 * lives here, beside RedisTlsIT, for the test CA helpers of this package.
 */
class InfoSamplerTlsIT {
    private static final String PASSWORD = "tls-sampler-Pa55";

    @Test
    void samplesOverTlsWithAuth(@TempDir Path certificates, @TempDir Path dir) throws Exception {
        TestCertificates ca = TestCertificates.newCa(certificates);
        RedisTlsFiles localhost = ca.serverFiles("localhost", "127.0.0.1", "localhost");
        RedisBinary binary = RedisBinary.resolve();
        try (EmbeddedRedis probe = EmbeddedRedis.builder().binary(binary).start()) {
            Assumptions.assumeTrue(probe.tlsCapable(), "redis-server " + probe.version() + " has no TLS");
        }
        try (EmbeddedRedis redis = EmbeddedRedis.builder().binary(binary).tls(localhost).password(PASSWORD).start()) {
            try (InfoSampler sampler = InfoSampler.start(dir, SamplerSettings.of(redis.endpoint(), null,
                    RedisTls.trusting(ca.caFile()), OptionalLong.empty()), message -> { })) {
                Thread.sleep(2_200);
            }
        }
        List<MetricRow> rows = StrictServerCsv.read(dir);
        assertFalse(StrictServerCsv.of(rows, "primary", "TotalCmds").isEmpty(), rows.toString());
        // One INFO per interval: the rate is 1 / interval, about one second once past the part-second first
        // interval (a loaded machine delays a tick by a few hundred ms at most).
        List<MetricRow> infoCalls = StrictServerCsv.of(rows, "primary", "cmd.info.calls_per_sec");
        double lastRate = infoCalls.get(infoCalls.size() - 1).value();
        assertTrue(lastRate > 0.7 && lastRate < 1.5, infoCalls.toString());
        assertFalse(Files.readString(dir.resolve("server-info.json")).contains(PASSWORD));
    }
}
