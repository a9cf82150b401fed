package dev.queuebench.report;

import dev.queuebench.analysis.RunAnalysis;
import dev.queuebench.analysis.RunData;
import dev.queuebench.rundir.RunFiles;
import dev.queuebench.analysis.RunSummary;
import dev.queuebench.analysis.ServerMetrics;
import dev.queuebench.analysis.SummaryRecord;
import dev.queuebench.rundir.AtomicFiles;
import dev.queuebench.rundir.SummaryFile;
import java.io.IOException;
import java.nio.file.Path;

/** Writes {@code summary.json}, {@code report.md} and {@code report.html} into a run directory. */
public final class RunReport {
    private RunReport() {
    }

    public static RunSummary write(Path runDir) throws IOException {
        RunData data = RunData.read(runDir);
        RunFiles files = data.files();
        ServerMetrics server = ServerMetrics.read(files);
        RunSummary summary = RunAnalysis.analyze(data, server);
        SummaryFile.write(files, SummaryRecord.of(summary));
        AtomicFiles.writeString(files.file(RunFiles.REPORT_MD), MarkdownReport.render(summary));
        AtomicFiles.writeString(files.file(RunFiles.REPORT_HTML), HtmlReport.render(summary, server));
        return summary;
    }
}
