package dev.queuebench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.queuebench.bench.JmhGroup;
import dev.queuebench.bench.JmhPreset;
import dev.queuebench.bench.RedisProfilerLabels;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * Main code names the benchmarks and the profiler only by string (the benchmarks depend on main code, never the
 * reverse): these are the checks that the strings still name what is in the {@code jmh/} source root.
 */
class BenchmarkNamesTest {
    @Test
    void theProfilerNameMainCodeAddsIsTheProfilersClass() {
        assertEquals(RedisServerProfiler.class.getName(), RedisProfilerLabels.PROFILER_CLASS_NAME);
    }

    @Test
    void everyPresetGroupIncludesBenchmarksThatExist() throws IOException {
        List<String> benchmarks = benchmarkNames();
        for (JmhPreset preset : JmhPreset.values()) {
            for (JmhGroup group : preset.groups()) {
                Pattern include = Pattern.compile(group.include());
                assertFalse(benchmarks.stream().noneMatch(name -> include.matcher(name).find()),
                        preset.label() + " group '" + group.title() + "' includes " + group.include()
                                + ", which matches none of " + benchmarks);
            }
        }
    }

    /** The benchmarks JMH's annotation processor listed, as {@code -l} prints them. */
    private static List<String> benchmarkNames() throws IOException {
        try (InputStream list = BenchmarkNamesTest.class.getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
            return BenchmarkList.readBenchmarkList(list).stream().map(BenchmarkListEntry::getUsername).toList();
        }
    }
}
