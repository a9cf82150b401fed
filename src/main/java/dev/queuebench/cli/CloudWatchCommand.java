package dev.queuebench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code queuebench cloudwatch}: brings ElastiCache's CloudWatch metrics into a run directory. */
@Command(name = "cloudwatch", mixinStandardHelpOptions = true,
        description = {"Bring ElastiCache CloudWatch metrics into RUN_DIR/cloudwatch/.",
            "How: docs/server-metrics.md#cloudwatch-cloudwatch."},
        subcommands = {CloudWatchFetchCommand.class, CloudWatchImportCommand.class})
final class CloudWatchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: fetch or import");
    }
}
