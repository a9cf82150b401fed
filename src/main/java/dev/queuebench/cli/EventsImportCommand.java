package dev.queuebench.cli;

import dev.queuebench.metrics.cloudwatch.DescribeEventsJson;
import dev.queuebench.metrics.cloudwatch.ElastiCacheTimeline;
import dev.queuebench.rundir.BadInputException;
import dev.queuebench.rundir.RunFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code queuebench events import RUN_DIR FILE}: what {@code aws elasticache describe-events} printed. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Put the ElastiCache events that 'aws elasticache describe-events --output json' printed "
                + "onto a run's timeline (RUN_DIR/events.csv): those within the run's start and end, each once, "
                + "all or none.",
            "The aws command to run, and the events' kinds: docs/server-metrics.md#elasticache-events-eventscsv."})
final class EventsImportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run directory, e.g. results/runs/<run-id>.")
    Path runDir;

    @Parameters(index = "1", paramLabel = "FILE", description = "What describe-events printed (JSON).")
    Path file;

    @Override
    public Integer call() {
        RunFiles run = RunDirectoryCheck.requireRun(spec, runDir);
        try {
            DescribeEventsJson.Output read = DescribeEventsJson.read(file);
            System.out.println(ElastiCacheTimeline.append(run, read.events()).describe(run));
            if (read.morePages()) {
                System.out.println("Note: " + file + " is one page of more (it has a Marker or NextToken): "
                        + "run describe-events without --max-items, or use 'queuebench events fetch'");
            }
            return QueuebenchCommand.EXIT_OK;
        } catch (BadInputException e) {
            System.err.println("Nothing imported: " + e.getMessage());
            return QueuebenchCommand.EXIT_FAILURE;
        } catch (IOException e) {
            System.err.println("Nothing imported: cannot write " + run.file(RunFiles.EVENTS_CSV) + ": " + e.getMessage());
            return QueuebenchCommand.EXIT_FAILURE;
        }
    }
}
