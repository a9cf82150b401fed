package dev.queuebench.rundir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code server.csv}: the INFO sampler's per-second samples, long form (one row per metric per node
 * per sampled second). Written by {@link ServerCsvWriter} (its Javadoc has the format), read here and
 * nowhere else.
 * <pre>
 * epoch_sec,node,metric,value
 * 1764065700,primary,CurrConnections,12
 * </pre>
 */
public final class ServerCsv {
    public static final String HEADER = "epoch_sec,node,metric,value";
    static final int FIELDS = 4;

    private ServerCsv() {
    }

    /** Every row of the run's {@code server.csv}, in file order; none when the run has none. */
    public static Rows read(RunFiles run) {
        return read(run.file(RunFiles.SERVER_CSV));
    }

    /** As {@link #read(RunFiles)} for a {@code server.csv} at {@code file} (the sampler's own directory). */
    public static Rows read(Path file) {
        List<MetricRow> rows = new ArrayList<>();
        CsvFile.Result result = CsvFile.read(file, HEADER, FIELDS, fields -> rows.add(
                new MetricRow(Long.parseLong(fields[0]), fields[1], fields[2], Double.parseDouble(fields[3]))));
        return new Rows(List.copyOf(rows), result);
    }

    /** The rows of one read, and what the reader left out. */
    public record Rows(List<MetricRow> rows, CsvFile.Result read) {
    }
}
