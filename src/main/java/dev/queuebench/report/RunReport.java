package dev.queuebench.report;

import dev.queuebench.analysis.RunAnalysis;
import dev.queuebench.analysis.RunData;
import dev.queuebench.rundir.RunFiles;
import dev.queuebench.analysis.RunSummary;
import dev.queuebench.analysis.ServerMetrics;
import dev.queuebench.analysis.SummaryJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes {@code summary.json}, {@code report.md} and {@code report.html} into a run directory. */
public final class RunReport {
    private RunReport() {
    }

    public static RunSummary write(Path runDir) throws IOException {
        RunData data = RunData.read(runDir);
        RunFiles files = data.files();
        ServerMetrics server = ServerMetrics.read(files);
        RunSummary summary = RunAnalysis.analyze(data, server);
        SummaryJson.write(summary, files.file(RunFiles.SUMMARY_JSON));
        atomically(files.file(RunFiles.REPORT_MD), MarkdownReport.render(summary));
        atomically(files.file(RunFiles.REPORT_HTML), HtmlReport.render(summary, server));
        return summary;
    }

    private static void atomically(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
