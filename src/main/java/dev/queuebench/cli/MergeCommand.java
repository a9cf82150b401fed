package dev.queuebench.cli;

import dev.queuebench.merge.RunMerge;
import dev.queuebench.report.RunReport;
import dev.queuebench.rundir.BadInputException;
import dev.queuebench.rundir.RunFiles;
import dev.queuebench.rundir.RunJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code queuebench merge PART… --out RUN_DIR}: one run from the parts of a multi-injector run. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merge the run directories of every injector of one run (run --injector-count N --run-group ID "
                + "--start-at T) into one run directory that report, compare, gate and plan read like any run: "
                + "latency.hlog and requests.csv summed exactly, server.csv from injector 0, every part's journeys, "
                + "run.json naming each part and how it ended. Then its report.",
            "  queuebench merge parts/0 parts/1 parts/2 --out results/runs/20261203T100000Z-r7g-30k"})
final class MergeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PART", description = "Each injector's run directory.")
    List<Path> parts;

    @Option(names = "--out", required = true, paramLabel = "RUN_DIR",
            description = "The merged run directory: new, or empty; its name becomes the run's id.")
    Path out;

    @Override
    public Integer call() {
        RunJson merged;
        try {
            merged = RunMerge.merge(parts, out);
        } catch (BadInputException e) {
            System.err.println("Cannot merge: " + e.getMessage());
            return QueuebenchCommand.EXIT_FAILURE;
        } catch (IOException | RuntimeException e) {
            System.err.println("Merging into " + out + " failed: " + e.getMessage());
            return QueuebenchCommand.EXIT_FAILURE;
        }
        System.out.println("Merged " + merged.partsOrNone().size() + " of " + merged.injector().count()
                + " parts of run group " + merged.injector().runGroup() + " into " + out);
        System.out.println("Outcome: " + merged.outcome().code() + (merged.reasonOrEmpty().isEmpty() ? ""
                : " (" + merged.reasonOrEmpty() + ")"));
        try {
            RunReport.write(out);
            System.out.println("Report: " + out.resolve(RunFiles.REPORT_HTML).toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            System.err.println("The merged run is written, but its report failed: " + e.getMessage()
                    + "; `queuebench report " + out + "` tries again");
            return QueuebenchCommand.EXIT_FAILURE;
        }
        return merged.outcome() == dev.queuebench.rundir.RunOutcome.COMPLETED ? QueuebenchCommand.EXIT_OK
                : QueuebenchCommand.EXIT_FAILURE;
    }
}
