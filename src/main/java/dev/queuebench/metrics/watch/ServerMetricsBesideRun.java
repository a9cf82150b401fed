package dev.queuebench.metrics.watch;

import dev.queuebench.metrics.alarm.AlarmEpisode;
import dev.queuebench.metrics.alarm.AlarmRule;
import dev.queuebench.metrics.alarm.AlarmsFile;
import dev.queuebench.metrics.sampler.InfoSampler;
import dev.queuebench.metrics.sampler.SamplerSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import dev.queuebench.rundir.RunFiles;
import dev.queuebench.rundir.AlarmsJson;
import dev.queuebench.metrics.alarm.AlarmsVerdict;

/**
 * What the metrics side does during every {@code run}: the INFO sampler from before the load starts
 * until after it stops (when the Redis endpoints are known), then the alarm evaluation into
 * {@code alarms.json} (the capacity plan's alarms) over whatever the run directory holds.
 */
public final class ServerMetricsBesideRun {
    private final SamplerSettings sampler;
    private final Consumer<String> console;
    private final String whyNoSampler;

    /** @param sampler what to sample, or null when the run's Redis is unknown (an outside gateway without --redis) */
    public ServerMetricsBesideRun(SamplerSettings sampler, Consumer<String> console) {
        this(sampler, console, "No server.csv: the gateway's Redis is unknown; give --redis (and --reader) to sample it");
    }

    private ServerMetricsBesideRun(SamplerSettings sampler, Consumer<String> console, String whyNoSampler) {
        this.sampler = sampler;
        this.console = console;
        this.whyNoSampler = whyNoSampler;
    }

    /** No sampler here, for the reason given (another injector of the run group samples the Redis). */
    public static ServerMetricsBesideRun elsewhere(String reason, Consumer<String> console) {
        return new ServerMetricsBesideRun(null, console, reason);
    }

    /**
     * Starts sampling into the run directory, before the load starts; closing what it returns stops
     * the sampler and evaluates the alarms.
     */
    public AutoCloseable start(Path runDir) throws IOException {
        if (sampler == null) {
            console.accept(whyNoSampler);
            return () -> evaluateAlarms(runDir);
        }
        InfoSampler running = InfoSampler.start(runDir, sampler, console);
        return () -> {
            try {
                running.close();
            } finally {
                evaluateAlarms(runDir);
            }
        };
    }

    private void evaluateAlarms(Path runDir) throws IOException {
        List<AlarmRule> rules = AlarmRule.capacityPlan();
        List<AlarmEpisode> episodes = AlarmsFile.evaluateAndWrite(runDir, rules);
        List<AlarmsJson.NotEvaluated> notEvaluated = AlarmsJson.read(new RunFiles(runDir)).notEvaluated();
        console.accept("Capacity-plan alarms: " + AlarmsVerdict.sentence(rules.size(), episodes.size(), notEvaluated)
                + " (" + runDir.resolve(RunFiles.ALARMS_JSON) + ")");
    }
}
