package dev.queuebench.rundir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code cloudwatch/metrics.csv}: CloudWatch datapoints normalised, whichever way they came in.
 * <pre>
 * epoch_sec,node,metric,statistic,period_sec,value
 * 1764065700,qb-cluster-001,EngineCPUUtilization,Average,60,41.5
 * </pre>
 * {@code epoch_sec} is the UTC start of the period, {@code node} the CacheClusterId, {@code metric}
 * CloudWatch's name, {@code statistic} Average/Maximum/Minimum/Sum/SampleCount/pNN. Sorted by node,
 * metric, statistic, period, time; a period CloudWatch has no datapoint for has no row. Writing merges
 * with the rows already there (a later import of the same datapoint replaces it). No field may hold a
 * comma or a line break: {@link #merge} refuses such a row rather than write a file no reader can read.
 */
public final class CloudWatchCsv {
    public static final String HEADER = "epoch_sec,node,metric,statistic,period_sec,value";
    static final int FIELDS = 6;

    private CloudWatchCsv() {
    }

    public static Path file(Path runDir) {
        return runDir.resolve(RunFiles.CLOUDWATCH_CSV);
    }

    /** The directory that holds the CloudWatch files of a run. */
    public static Path directory(Path runDir) {
        return file(runDir).getParent();
    }

    /** Merges {@code rows} into the run's file (replacing equal keys) and rewrites it sorted, atomically. */
    public static void merge(Path runDir, Collection<CloudWatchRow> rows) throws IOException {
        for (CloudWatchRow row : rows) {
            checkField("node", row.node());
            checkField("metric", row.metric());
            checkField("statistic", row.statistic());
        }
        Path file = file(runDir);
        Files.createDirectories(file.getParent());
        TreeSet<CloudWatchRow> all = new TreeSet<>(CloudWatchRow.FILE_ORDER);
        all.addAll(rows);
        if (Files.exists(file)) {
            // TreeSet.add keeps the first of two equal keys: the new rows were added first.
            all.addAll(read(file).rows());
        }
        AtomicFiles.write(file, out -> {
            out.write(HEADER);
            out.write('\n');
            for (CloudWatchRow row : all) {
                out.write(row.epochSec() + "," + row.node() + "," + row.metric() + "," + row.statistic() + ","
                        + row.periodSec() + "," + PlainDecimal.format(row.value()) + "\n");
            }
        });
    }

    private static void checkField(String name, String value) {
        if (value.isEmpty() || value.indexOf(',') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new BadInputException("CloudWatch " + name + " '" + value + "' is empty or holds a comma or a line "
                    + "break, which cloudwatch/metrics.csv cannot hold");
        }
    }

    /** Every row of the run's {@code cloudwatch/metrics.csv}; none when nothing was imported. */
    public static Rows read(RunFiles run) {
        return read(run.file(RunFiles.CLOUDWATCH_CSV));
    }

    public static Rows read(Path file) {
        List<CloudWatchRow> rows = new ArrayList<>();
        CsvFile.Result result = CsvFile.read(file, HEADER, FIELDS, fields -> rows.add(new CloudWatchRow(
                Long.parseLong(fields[0]), fields[1], fields[2], fields[3], Integer.parseInt(fields[4]),
                Double.parseDouble(fields[5]))));
        return new Rows(List.copyOf(rows), result);
    }

    /** The rows of one read, and what the reader left out. */
    public record Rows(List<CloudWatchRow> rows, CsvFile.Result read) {
    }
}
