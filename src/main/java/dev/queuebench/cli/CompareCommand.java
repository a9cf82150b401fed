package dev.queuebench.cli;

import dev.queuebench.gate.BaselineStore;
import dev.queuebench.gate.CompareReport;
import dev.queuebench.gate.GateInputException;
import dev.queuebench.gate.RunComparator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import dev.queuebench.rundir.BadInputException;

/** {@code queuebench compare BASE CANDIDATE}: every difference with its uncertainty. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare a candidate run with a baseline, per request and load step, each difference with a 95%% "
                + "interval. Writes compare.md and compare.html into the candidate's directory.",
            "How: docs/gate.md#compare."})
final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BASE", description = "Baseline: a run directory or a baseline name.")
    String baseline;

    @Parameters(index = "1", paramLabel = "CANDIDATE", description = "Candidate run directory.")
    Path candidate;

    @Option(names = "--baselines-dir", defaultValue = "results/baselines",
            description = "Where named baselines live. Default: ${DEFAULT-VALUE}.")
    Path baselinesDir;

    @Override
    public Integer call() {
        try {
            Path base = new BaselineStore(baselinesDir).resolve(baseline);
            RunComparator.Comparison comparison = RunComparator.compare(base, candidate);
            String markdown = CompareReport.markdown(comparison);
            Files.writeString(candidate.resolve("compare.md"), markdown);
            Files.writeString(candidate.resolve("compare.html"), CompareReport.html(comparison));
            System.out.print(markdown);
            System.out.println();
            System.out.println("Comparison written to " + candidate.resolve("compare.html"));
            return QueuebenchCommand.EXIT_OK;
        } catch (GateInputException | BadInputException e) {
            System.err.println("Cannot compare: " + e.getMessage());
            return QueuebenchCommand.EXIT_FAILURE;
        } catch (IOException e) {
            System.err.println("Cannot write the comparison into " + candidate + ": " + e.getMessage());
            return QueuebenchCommand.EXIT_FAILURE;
        }
    }
}
