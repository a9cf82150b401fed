package dev.queuebench.cli;

import dev.queuebench.rundir.BadInputException;
import dev.queuebench.rundir.EventsCsv;
import dev.queuebench.rundir.RunFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code queuebench mark RUN_DIR TEXT…}: a person's note on the run's timeline, now. */
@Command(name = "mark", mixinStandardHelpOptions = true,
        description = {"Put a note on a run's timeline (events.csv) at this moment, e.g. during a manual migration:",
            "  queuebench mark results/runs/<run-id> \"modify-replication-group started\"",
            "The report shows every event as a marker on its charts and lists them: docs/run-directory.md#eventscsv."})
final class MarkCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run directory, e.g. results/runs/<run-id>.")
    Path runDir;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "The note (words are joined by spaces).")
    List<String> words;

    @Option(names = "--kind", defaultValue = "mark", description = "The event's kind, a-z 0-9 -. Default: ${DEFAULT-VALUE}.")
    String kind;

    @Override
    public Integer call() {
        long now = System.currentTimeMillis();
        try {
            RunFiles run = RunFiles.open(runDir);
            EventsCsv.append(run, new EventsCsv.Event(now, "person", kind, String.join(" ", words)));
        } catch (BadInputException e) {
            System.err.println("Cannot mark " + runDir + ": " + e.getMessage());
            return QueuebenchCommand.EXIT_USAGE;
        } catch (IOException e) {
            System.err.println("Cannot write " + runDir.resolve(RunFiles.EVENTS_CSV) + ": " + e.getMessage());
            return QueuebenchCommand.EXIT_FAILURE;
        }
        System.out.println("Marked " + runDir + " at " + Instant.ofEpochMilli(now) + ": " + String.join(" ", words));
        return QueuebenchCommand.EXIT_OK;
    }
}
