package dev.queuebench.bench;

import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Mode;

/**
 * One JMH run of a plan: which benchmarks, with which parameter values, caller threads and modes.
 * JMH's thread count is fixed per run, which is why the pool benchmark is one group per thread count.
 *
 * @param title   section title in the printed tables, e.g. "Lua scripts"
 * @param include benchmark regular expression, e.g. {@code dev.queuebench.jmh.ScriptBenchmarks\.}
 * @param params  parameter values, replacing the annotations' (empty: the annotations' own)
 * @param threads caller threads (JMH {@code -t})
 * @param modes   benchmark modes (empty: the annotations' own)
 */
public record JmhGroup(String title, String include, Map<String, List<String>> params, int threads, List<Mode> modes) {
    public JmhGroup {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        params = Map.copyOf(params);
        modes = List.copyOf(modes);
    }
}
