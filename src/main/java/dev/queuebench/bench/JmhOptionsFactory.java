package dev.queuebench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Builds the JMH options of one {@link JmhGroup}: whatever the user passed through on the command line wins;
 * the preset and the group fill in the rest. Always added: the Redis server-side profiler
 * ({@value RedisProfilerLabels#PROFILER_CLASS_NAME}) and the JVM
 * arguments that tell the benchmark JVMs where Redis is.
 */
public final class JmhOptionsFactory {
    private JmhOptionsFactory() {
    }

    /**
     * @param user         options passed through from the command line (JMH's own syntax)
     * @param targetJvmArgs {@code -D} arguments naming the Redis, appended to the user's
     */
    public static Options build(JmhPreset preset, JmhGroup group, Options user, List<String> targetJvmArgs) {
        // OptionsBuilder's own settings take precedence over its parent's, so only unset ones are filled in.
        ChainedOptionsBuilder options = new OptionsBuilder().parent(user);
        if (user.getIncludes().isEmpty()) {
            options.include(group.include());
        }
        if (!user.getForkCount().hasValue()) {
            options.forks(preset.forks());
        }
        if (!user.getWarmupIterations().hasValue()) {
            options.warmupIterations(preset.warmupIterations());
        }
        if (!user.getWarmupTime().hasValue()) {
            options.warmupTime(preset.warmupTime());
        }
        if (!user.getMeasurementIterations().hasValue()) {
            options.measurementIterations(preset.measurementIterations());
        }
        if (!user.getMeasurementTime().hasValue()) {
            options.measurementTime(preset.measurementTime());
        }
        if (!user.getThreads().hasValue()) {
            options.threads(group.threads());
        }
        if (user.getBenchModes().isEmpty()) {
            group.modes().forEach(options::mode);
        }
        for (Map.Entry<String, List<String>> param : group.params().entrySet()) {
            if (!user.getParameter(param.getKey()).hasValue()) {
                options.param(param.getKey(), param.getValue().toArray(String[]::new));
            }
        }
        if (user.getProfilers().stream().noneMatch(p -> p.getKlass().equals(RedisProfilerLabels.PROFILER_CLASS_NAME))) {
            options.addProfiler(RedisProfilerLabels.PROFILER_CLASS_NAME);
        }
        List<String> jvmArgs = new ArrayList<>(user.getJvmArgsAppend().orElse(List.of()));
        jvmArgs.addAll(targetJvmArgs);
        options.jvmArgsAppend(jvmArgs.toArray(String[]::new));
        return options.build();
    }
}
