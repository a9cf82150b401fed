package dev.queuebench.report;

import dev.queuebench.bundled.BundledText;
import dev.queuebench.analysis.RunSummary;
import dev.queuebench.analysis.ServerMetrics;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import dev.queuebench.rundir.Summary;

/**
 * {@code report.html}: one self-contained file that opens from disk with no network. The tables
 * of {@link ReportTables}, and the charts drawn by uPlot, whose script and stylesheet are read
 * from the uPlot WebJar on the classpath and inlined; the chart data travels as JSON in the page.
 */
public final class HtmlReport {
    static final String UPLOT_POM = "META-INF/maven/org.webjars.npm/uplot/pom.properties";

    private HtmlReport() {
    }

    public static String render(RunSummary summary, ServerMetrics server) {
        String data = ChartData.build(summary, server).toString().replace("</", "<\\/");
        String uplot = "META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
        return BundledText.read("report/report.html")
                .replace("{{TITLE}}", escape("queuebench " + summary.info().id()))
                .replace("{{UPLOT_CSS}}", BundledText.read(uplot + "uPlot.min.css"))
                .replace("{{REPORT_CSS}}", BundledText.read("report/report.css"))
                .replace("{{BODY}}", body(summary))
                .replace("{{DATA}}", data)
                .replace("{{UPLOT_JS}}", BundledText.read(uplot + "uPlot.iife.min.js"))
                .replace("{{REPORT_JS}}", BundledText.read("report/report.js"));
    }

    private static String body(RunSummary summary) {
        StringBuilder html = new StringBuilder();
        html.append("<h1>queuebench run ").append(escape(summary.info().id())).append("</h1>\n");
        for (Summary.Warning warning : summary.warnings()) {
            html.append("<div class=\"warning").append(warning.code().loud() ? " loud" : "").append("\">⚠ ")
                    .append(escape(warning.message()))
                    .append("</div>\n");
        }
        List<Table> tables = MarkdownReport.sections(summary);
        table(html, tables.get(0));
        html.append("<h2>Over time</h2>\n<p class=\"note\">One time axis for every chart (UTC); the cursor moves "
                + "them together; alarm periods are shaded red.</p>\n<div id=\"qb-charts\"></div>\n");
        for (Table table : tables.subList(1, tables.size())) {
            table(html, table);
        }
        html.append("<pre id=\"qb-selfcheck\"></pre>\n");
        return html.toString();
    }

    private static void table(StringBuilder html, Table table) {
        html.append("<h2>").append(escape(table.title())).append("</h2>\n");
        if (!table.note().isBlank()) {
            html.append("<p class=\"note\">").append(escape(table.note())).append("</p>\n");
        }
        if (table.rows().isEmpty()) {
            html.append("<p class=\"absent\">No data.</p>\n");
            return;
        }
        html.append("<table>\n<tr>");
        for (String header : table.headers()) {
            html.append("<th>").append(escape(header)).append("</th>");
        }
        html.append("</tr>\n");
        for (List<String> row : table.rows()) {
            html.append("<tr>");
            for (String cell : row) {
                html.append("<td>").append(escape(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String uplotVersion() {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(BundledText.read(UPLOT_POM)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + UPLOT_POM + ": " + e.getMessage(), e);
        }
        return properties.getProperty("version");
    }
}
