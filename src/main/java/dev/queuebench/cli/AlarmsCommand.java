package dev.queuebench.cli;

import dev.queuebench.rundir.BadInputException;
import dev.queuebench.metrics.alarm.AlarmEpisode;
import dev.queuebench.metrics.alarm.AlarmRule;
import dev.queuebench.metrics.alarm.AlarmsFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import dev.queuebench.rundir.RunFiles;
import dev.queuebench.rundir.AlarmsJson;
import dev.queuebench.metrics.alarm.AlarmsVerdict;

/** {@code queuebench alarms}: replays CloudWatch alarms over a run directory into alarms.json. */
@Command(name = "alarms", mixinStandardHelpOptions = true,
        description = {"Evaluate alarms, with CloudWatch's semantics, over RUN_DIR's server.csv and "
                + "cloudwatch/metrics.csv, and write RUN_DIR/alarms.json.",
            "Default rules: the capacity plan's (CPUUtilization > 70, DatabaseMemoryUsagePercentage > 80, "
                    + "CurrConnections > 5000; Average over 300 s, 2 of 2 periods).",
            "How they are evaluated: docs/server-metrics.md#alarms-alarmsjson."})
final class AlarmsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "A run directory.")
    Path runDir;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "Alarm rules as JSON with put-metric-alarm's field names (one, an array, or describe-alarms output).")
    Path rulesFile;

    @Override
    public Integer call() throws Exception {
        RunDirectoryCheck.requireDirectory(spec, runDir, "RUN_DIR");
        List<AlarmRule> rules;
        try {
            rules = rulesFile == null ? AlarmRule.capacityPlan() : AlarmsFile.readRules(rulesFile);
        } catch (BadInputException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        List<AlarmEpisode> episodes;
        try {
            episodes = AlarmsFile.evaluateAndWrite(runDir, rules);
        } catch (BadInputException e) {
            System.err.println(e.getMessage());
            return QueuebenchCommand.EXIT_FAILURE;
        }
        for (AlarmEpisode episode : episodes) {
            System.out.printf("%-28s %-16s %-10s ALARM %s to %s, peak %s%n", episode.alarm(), episode.node(),
                    episode.source(), Instant.ofEpochSecond(episode.startEpochSec()),
                    Instant.ofEpochSecond(episode.endEpochSec()), episode.peakValue());
        }
        List<AlarmsJson.NotEvaluated> notEvaluated = AlarmsJson.read(new RunFiles(runDir)).notEvaluated();
        System.out.println("Alarms: " + AlarmsVerdict.sentence(rules.size(), episodes.size(), notEvaluated)
                + "; written to " + runDir.resolve(RunFiles.ALARMS_JSON));
        return QueuebenchCommand.EXIT_OK;
    }
}
