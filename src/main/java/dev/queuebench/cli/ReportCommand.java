package dev.queuebench.cli;

import dev.queuebench.rundir.RunFiles;
import dev.queuebench.analysis.RunSummary;
import dev.queuebench.report.RunReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import dev.queuebench.rundir.BadInputException;

/** {@code queuebench report RUN_DIR…}: summary.json, report.md and report.html for each run. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write summary.json, report.md and report.html into each run directory, from its files only.",
            "Open report.html in any browser: it is one file and needs no network.",
            "How it decides: docs/reports.md#how-the-report-decides; the files: docs/run-directory.md#the-run-directory."})
final class ReportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Run directories, e.g. results/runs/<run-id>.")
    List<Path> runDirs;

    @Override
    public Integer call() {
        int exit = QueuebenchCommand.EXIT_OK;
        for (Path runDir : runDirs) {
            try {
                RunSummary summary = RunReport.write(runDir);
                System.out.println("Report written to " + runDir.resolve(RunFiles.REPORT_HTML) + " (and "
                        + RunFiles.REPORT_MD + ", " + RunFiles.SUMMARY_JSON + ")");
                System.out.println("  " + summary.knee().sentence());
                System.out.println("  " + summary.driverSentence());
                summary.warnings().forEach(warning -> System.out.println("  WARNING: " + warning.message()));
            } catch (BadInputException e) {
                System.err.println("Cannot report " + runDir + ": " + e.getMessage());
                exit = QueuebenchCommand.EXIT_FAILURE;
            } catch (IOException e) {
                System.err.println("Cannot write the report into " + runDir + ": " + e.getMessage());
                exit = QueuebenchCommand.EXIT_FAILURE;
            }
        }
        return exit;
    }
}
