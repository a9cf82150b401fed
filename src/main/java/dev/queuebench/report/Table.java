package dev.queuebench.report;

import java.util.List;

/** A titled table of already formatted cells, rendered the same way into Markdown and HTML. */
public record Table(String title, String note, List<String> headers, List<List<String>> rows) {
    public Table {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }
}
