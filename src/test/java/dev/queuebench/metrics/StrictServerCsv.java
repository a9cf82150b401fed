package dev.queuebench.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import dev.queuebench.rundir.MetricRow;

/** Reads server.csv back for the tests as a strict oracle of the writer, checking its header and every row's shape. */
public final class StrictServerCsv {
    private StrictServerCsv() {
    }

    public static List<MetricRow> read(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("server.csv"));
        if (!lines.get(0).equals("epoch_sec,node,metric,value")) {
            throw new AssertionError("server.csv header is " + lines.get(0));
        }
        List<MetricRow> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            if (fields.length != 4 || !fields[3].matches("-?\\d+(\\.\\d+)?")) {
                throw new AssertionError("bad server.csv row: " + line);
            }
            rows.add(new MetricRow(Long.parseLong(fields[0]), fields[1], fields[2], Double.parseDouble(fields[3])));
        }
        return rows;
    }

    public static List<MetricRow> of(List<MetricRow> rows, String node, String metric) {
        return rows.stream().filter(row -> row.node().equals(node) && row.metric().equals(metric))
                .collect(Collectors.toList());
    }
}
