package dev.queuebench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code queuebench events}: brings ElastiCache's events onto a run's timeline. */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = {"Bring ElastiCache's events (failovers, recoveries, restarts) onto a run's timeline, "
                + "RUN_DIR/events.csv, where the report shows them as markers.",
            "How: docs/server-metrics.md#elasticache-events-eventscsv."},
        subcommands = {EventsFetchCommand.class, EventsImportCommand.class})
final class EventsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: fetch or import");
    }
}
