package dev.queuebench.analysis;

import dev.queuebench.rundir.RunFiles;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The server-side time series of a run: {@code server.csv} (the INFO sampler; header
 * {@code epoch_sec,node,metric,value}, counter metrics already per-second rates, a
 * {@code CounterReset} row of 1 marking a restart or failover) and, when imported,
 * {@code cloudwatch/metrics.csv} (header {@code epoch_sec,node,metric,statistic,period_sec,value},
 * epoch_sec the period start). Missing seconds are gaps and stay gaps.
 */
public final class ServerMetrics {
    static final String SERVER_HEADER = "epoch_sec,node,metric,value";
    static final String CLOUDWATCH_HEADER = "epoch_sec,node,metric,statistic,period_sec,value";

    private final Map<SeriesKey, NavigableMap<Long, Double>> series;
    private final Map<SeriesKey, Integer> periodSec;

    private ServerMetrics(Map<SeriesKey, NavigableMap<Long, Double>> series, Map<SeriesKey, Integer> periodSec) {
        this.series = series;
        this.periodSec = periodSec;
    }

    public static ServerMetrics read(RunFiles files) {
        Map<SeriesKey, NavigableMap<Long, Double>> series = new LinkedHashMap<>();
        Map<SeriesKey, Integer> periods = new LinkedHashMap<>();
        readServer(files.file(RunFiles.SERVER_CSV), series);
        readCloudwatch(files.file(RunFiles.CLOUDWATCH_CSV), series, periods);
        return new ServerMetrics(series, periods);
    }

    private static void readServer(Path file, Map<SeriesKey, NavigableMap<Long, Double>> series) {
        CsvRows.read(file, SERVER_HEADER, 4, fields -> series
                .computeIfAbsent(SeriesKey.server(fields[1], fields[2]), k -> new TreeMap<>())
                .put(Long.parseLong(fields[0]), Double.parseDouble(fields[3])));
    }

    private static void readCloudwatch(Path file, Map<SeriesKey, NavigableMap<Long, Double>> series,
            Map<SeriesKey, Integer> periods) {
        CsvRows.read(file, CLOUDWATCH_HEADER, 6, fields -> {
            SeriesKey key = SeriesKey.cloudwatch(fields[1], fields[2], fields[3]);
            series.computeIfAbsent(key, k -> new TreeMap<>()).put(Long.parseLong(fields[0]),
                    Double.parseDouble(fields[5]));
            periods.put(key, Integer.parseInt(fields[4]));
        });
    }

    public boolean hasServerSamples() {
        return series.keySet().stream().anyMatch(key -> "server".equals(key.source()));
    }

    public Map<SeriesKey, NavigableMap<Long, Double>> all() {
        return series;
    }

    public NavigableMap<Long, Double> get(SeriesKey key) {
        return series.getOrDefault(key, new TreeMap<>());
    }

    public int periodSec(SeriesKey key) {
        return periodSec.getOrDefault(key, 1);
    }
    /**
     * The per-second sum of one sampler metric over every node (e.g. engine CPU of primary and
     * reader together); a second counts only when every node that has the metric has a sample.
     */
    public NavigableMap<Long, Double> sumOverNodes(String metric) {
        NavigableMap<Long, Double> sum = new TreeMap<>();
        Map<Long, Integer> nodesSeen = new TreeMap<>();
        int nodeCount = 0;
        for (Map.Entry<SeriesKey, NavigableMap<Long, Double>> entry : series.entrySet()) {
            SeriesKey key = entry.getKey();
            if (!"server".equals(key.source()) || !key.metric().equals(metric)) {
                continue;
            }
            nodeCount++;
            entry.getValue().forEach((sec, value) -> {
                sum.merge(sec, value, Double::sum);
                nodesSeen.merge(sec, 1, Integer::sum);
            });
        }
        int expected = nodeCount;
        sum.keySet().removeIf(sec -> nodesSeen.get(sec) != expected);
        return sum;
    }

    /** Seconds marked with {@code CounterReset} on any node: rates around them are not to be trusted. */
    public TreeSet<Long> counterResets() {
        TreeSet<Long> resets = new TreeSet<>();
        series.forEach((key, values) -> {
            if ("server".equals(key.source()) && "CounterReset".equals(key.metric())) {
                values.forEach((sec, value) -> {
                    if (value > 0) {
                        resets.add(sec);
                    }
                });
            }
        });
        return resets;
    }
}
