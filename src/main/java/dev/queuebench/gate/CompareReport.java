package dev.queuebench.gate;

import dev.queuebench.report.HtmlReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code compare.md} and {@code compare.html}: every difference with its uncertainty, side by side. */
public final class CompareReport {
    private CompareReport() {
    }

    static List<List<String>> rows(RunComparator.Comparison comparison) {
        List<List<String>> rows = new ArrayList<>();
        for (Difference d : comparison.differences()) {
            rows.add(List.of(d.step(), d.request(), d.metric() + " (" + d.unit() + ")", value(d.baseline()),
                    value(d.candidate()), change(d)));
        }
        return rows;
    }

    static final List<String> HEADERS = List.of("step", "request", "metric", "baseline", "candidate",
            "change (95% interval)");

    private static String value(Estimate e) {
        if (!e.known()) {
            return "–";
        }
        return Double.isNaN(e.low()) ? GateEvaluator.fmt(e.point())
                : GateEvaluator.fmt(e.point()) + " ± " + GateEvaluator.fmt(e.plusMinus());
    }

    private static String change(Difference d) {
        Estimate c = d.change();
        if (!c.known()) {
            return "–";
        }
        if (Double.isInfinite(c.point())) {
            return "up from none";
        }
        String unit = d.changeInPoints() ? " pp" : "%";
        String text = String.format(Locale.ROOT, "%+.1f%s", c.point(), unit);
        if (!Double.isNaN(c.low())) {
            text += String.format(Locale.ROOT, " [%+.1f, %+.1f]", c.low(), c.high());
            boolean better = d.higherIsBetter() ? c.low() > 0 : c.high() < 0;
            boolean worse = d.higherIsBetter() ? c.high() < 0 : c.low() > 0;
            text += better ? " better" : worse ? " worse" : " (within noise)";
        }
        return text;
    }

    public static String markdown(RunComparator.Comparison comparison) {
        StringBuilder md = new StringBuilder("# queuebench compare\n\n");
        md.append("Baseline `").append(comparison.baseline().run().id()).append("` (")
                .append(comparison.baseline().run().nodeType()).append(", ").append(comparison.baseline().run().outcome())
                .append("), candidate `").append(comparison.candidate().run().id()).append("` (")
                .append(comparison.candidate().run().nodeType()).append(", ")
                .append(comparison.candidate().run().outcome()).append(").\n\n");
        md.append("Intervals are 95% block-bootstrap intervals over the runs' seconds; \"worse\" or \"better\" only "
                + "when the whole interval says so.\n\n");
        md.append("| ").append(String.join(" | ", HEADERS)).append(" |\n|---|---|---|--:|--:|--:|\n");
        for (List<String> row : rows(comparison)) {
            md.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return md.toString();
    }

    public static String html(RunComparator.Comparison comparison) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>queuebench compare</title><style>body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;"
                + "max-width:1280px;padding:0 16px}table{border-collapse:collapse}th,td{border:1px solid #d8dde6;"
                + "padding:3px 8px;text-align:right}td:nth-child(-n+3),th:nth-child(-n+3){text-align:left}"
                + "th{background:#f2f4f8}.worse{background:#fde2e1}.better{background:#e3f6e5}</style></head><body>\n");
        html.append("<h1>queuebench compare</h1>\n<p>Baseline <b>").append(HtmlReport.escape(comparison.baseline().run().id()))
                .append("</b>, candidate <b>").append(HtmlReport.escape(comparison.candidate().run().id()))
                .append("</b>. 95% block-bootstrap intervals over the runs' seconds.</p>\n<table>\n<tr>");
        for (String header : HEADERS) {
            html.append("<th>").append(HtmlReport.escape(header)).append("</th>");
        }
        html.append("</tr>\n");
        for (List<String> row : rows(comparison)) {
            String last = row.get(row.size() - 1);
            String css = last.endsWith(" worse") ? " class=\"worse\"" : last.endsWith(" better") ? " class=\"better\"" : "";
            html.append("<tr").append(css).append('>');
            for (String cell : row) {
                html.append("<td>").append(HtmlReport.escape(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n</body></html>\n");
        return html.toString();
    }
}
