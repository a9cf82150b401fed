package dev.queuebench.report;

import dev.queuebench.analysis.RunSummary;
import java.util.List;
import dev.queuebench.rundir.Summary;

/** {@code report.md}: the report for a CI job summary or a pull request, tables and sentences, no charts. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(RunSummary summary) {
        StringBuilder md = new StringBuilder();
        md.append("# queuebench run ").append(summary.info().id()).append("\n\n");
        if (!summary.warnings().isEmpty()) {
            for (Summary.Warning warning : summary.warnings()) {
                md.append("> **⚠ ").append(escape(warning.message())).append("**\n>\n");
            }
            md.setLength(md.length() - 2);
            md.append('\n');
        }
        for (Table table : sections(summary)) {
            table(md, table);
        }
        return md.toString();
    }

    static List<Table> sections(RunSummary summary) {
        List<Table> sections = new java.util.ArrayList<>(List.of(ReportTables.glance(summary)));
        if (!summary.info().run().partsOrNone().isEmpty()) {
            sections.add(ReportTables.parts(summary));
        }
        sections.addAll(List.of(ReportTables.integrity(summary), ReportTables.drills(summary),
                ReportTables.perRequest(summary), ReportTables.perStep(summary), ReportTables.knee(summary),
                ReportTables.drivers(summary), ReportTables.requestCosts(summary), ReportTables.commands(summary),
                ReportTables.memory(summary), ReportTables.alarms(summary), ReportTables.timeline(summary)));
        return List.copyOf(sections);
    }

    private static void table(StringBuilder md, Table table) {
        md.append("## ").append(table.title()).append("\n\n");
        if (!table.note().isBlank()) {
            md.append(escape(table.note())).append("\n\n");
        }
        if (table.rows().isEmpty()) {
            md.append("_No data._\n\n");
            return;
        }
        md.append('|');
        for (String header : table.headers()) {
            md.append(' ').append(escape(header)).append(" |");
        }
        md.append("\n|");
        for (int i = 0; i < table.headers().size(); i++) {
            md.append(i == 0 ? "---|" : "--:|");
        }
        md.append('\n');
        for (List<String> row : table.rows()) {
            md.append('|');
            for (String cell : row) {
                md.append(' ').append(escape(cell)).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    /** Keeps a cell in its column: pipes and line breaks would break the table. */
    static String escape(String text) {
        return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
