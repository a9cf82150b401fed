package dev.queuebench.metrics.cloudwatch;

import dev.queuebench.rundir.BadInputException;
import dev.queuebench.metrics.PlainDecimal;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * with the rows already there (a later import of the same datapoint replaces it).
 */
public final class CloudWatchCsv {
    public static final String DIRECTORY = "cloudwatch";
    public static final String FILE_NAME = "metrics.csv";
    public static final String HEADER = "epoch_sec,node,metric,statistic,period_sec,value";

    private CloudWatchCsv() {
    }

    public static Path file(Path runDir) {
        return runDir.resolve(DIRECTORY).resolve(FILE_NAME);
    }

    /** Merges {@code rows} into the run's file (replacing equal keys) and rewrites it sorted, atomically. */
    public static void merge(Path runDir, Collection<CloudWatchRow> rows) throws IOException {
        Path file = file(runDir);
        Files.createDirectories(file.getParent());
        TreeSet<CloudWatchRow> all = new TreeSet<>(CloudWatchRow.FILE_ORDER);
        all.addAll(rows);
        if (Files.exists(file)) {
            // TreeSet.add keeps the first of two equal keys: the new rows were added first.
            all.addAll(read(file));
        }
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (CloudWatchRow row : all) {
                out.write(row.epochSec() + "," + row.node() + "," + row.metric() + "," + row.statistic() + ","
                        + row.periodSec() + "," + PlainDecimal.format(row.value()) + "\n");
            }
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** All rows; an error names the file and line. */
    public static List<CloudWatchRow> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new BadInputException(file + " line 1: expected the header '" + HEADER + "'");
        }
        List<CloudWatchRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] fields = lines.get(i).split(",", -1);
            try {
                if (fields.length != 6) {
                    throw new IllegalArgumentException(fields.length + " fields, expected 6");
                }
                rows.add(new CloudWatchRow(Long.parseLong(fields[0]), fields[1], fields[2], fields[3],
                        Integer.parseInt(fields[4]), Double.parseDouble(fields[5])));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(file + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return rows;
    }
}
