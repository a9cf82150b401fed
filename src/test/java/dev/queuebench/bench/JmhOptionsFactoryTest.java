package dev.queuebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;

class JmhOptionsFactoryTest {
    private static final JmhGroup POOL = new JmhGroup("Pool profiles", "PoolBenchmarks\\.",
            Map.of("pool", List.of("emergency")), 100, List.of(Mode.Throughput));
    private static final List<String> TARGET = List.of("-Dqueuebench.jmh.redisUrlFile=/tmp/url");

    @Test
    void presetAndGroupFillWhatTheUserLeftUnset() throws Exception {
        Options options = JmhOptionsFactory.build(JmhPreset.QUICK, POOL, new CommandLineOptions(), TARGET);
        assertEquals(List.of("PoolBenchmarks\\."), options.getIncludes());
        assertEquals(1, options.getForkCount().get());
        assertEquals(4, options.getWarmupIterations().get());
        assertEquals(TimeValue.milliseconds(1_000), options.getWarmupTime().get());
        assertEquals(4, options.getMeasurementIterations().get());
        assertEquals(TimeValue.milliseconds(500), options.getMeasurementTime().get());
        assertEquals(100, options.getThreads().get());
        assertEquals(List.of("emergency"), List.copyOf(options.getParameter("pool").get()));
        assertEquals(List.of(RedisProfilerLabels.PROFILER_CLASS_NAME),
                options.getProfilers().stream().map(p -> p.getKlass()).toList());
        assertEquals(TARGET, List.copyOf(options.getJvmArgsAppend().get()));
    }

    @Test
    void passedThroughOptionsWinAndJvmArgsAreKept() throws Exception {
        CommandLineOptions user = new CommandLineOptions("-t", "8", "-i", "10", "-p", "pool=current",
                "-prof", RedisProfilerLabels.PROFILER_CLASS_NAME, "-jvmArgsAppend", "-Xmx1g");
        Options options = JmhOptionsFactory.build(JmhPreset.FULL, POOL, user, TARGET);
        assertEquals(8, options.getThreads().get());
        assertEquals(10, options.getMeasurementIterations().get());
        assertEquals(10, options.getWarmupIterations().get(), "full's warm-up outlasts the JIT's climb");
        assertEquals(2, options.getForkCount().get());
        assertEquals(List.of("current"), List.copyOf(options.getParameter("pool").get()));
        assertEquals(1, options.getProfilers().size(), "the profiler is not added twice");
        assertEquals(List.of("-Xmx1g", TARGET.get(0)), List.copyOf(options.getJvmArgsAppend().get()));
    }

    @Test
    void quickRunsEachPoolProfileAtTwiceItsMaxActiveAndFullAtThreeRatios() {
        List<Integer> quickPoolThreads = JmhPreset.QUICK.groups().stream()
                .filter(g -> g.title().equals("Pool profiles")).map(JmhGroup::threads).toList();
        assertEquals(List.of(200, 100, 400, 16), quickPoolThreads);
        List<Integer> fullPoolThreads = JmhPreset.FULL.groups().stream()
                .filter(g -> g.title().equals("Pool profiles")).map(JmhGroup::threads).toList();
        assertEquals(List.of(50, 100, 200, 25, 50, 100, 100, 200, 400, 4, 8, 16), fullPoolThreads);
    }

    @Test
    void presetNamesAreCaseInsensitiveAndUnknownOnesListTheValidOnes() {
        assertEquals(JmhPreset.FULL, JmhPreset.parse("Full"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JmhPreset.parse("slow"));
        assertTrue(e.getMessage().equals("unknown preset 'slow': use one of quick, full"), e.getMessage());
    }
}
