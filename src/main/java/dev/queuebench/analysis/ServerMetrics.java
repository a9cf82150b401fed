package dev.queuebench.analysis;

import dev.queuebench.rundir.RunFiles;

import dev.queuebench.rundir.CloudWatchCsv;
import dev.queuebench.rundir.CloudWatchRow;
import dev.queuebench.rundir.CsvFile;
import dev.queuebench.rundir.MetricRow;
import dev.queuebench.rundir.ServerCsv;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The server-side time series of a run: {@code server.csv} (the INFO sampler, read by
 * {@link ServerCsv}: counter metrics already per-second rates, a {@code CounterReset} row of 1
 * marking a restart or failover) and, when imported, {@code cloudwatch/metrics.csv} (read by
 * {@link CloudWatchCsv}). Missing seconds are gaps and stay gaps.
 */
public final class ServerMetrics {
    private final Map<SeriesKey, NavigableMap<Long, Double>> series;
    private final Map<SeriesKey, Integer> periodSec;
    private final List<CsvFile.Result> reads;

    private ServerMetrics(Map<SeriesKey, NavigableMap<Long, Double>> series, Map<SeriesKey, Integer> periodSec,
            List<CsvFile.Result> reads) {
        this.series = series;
        this.periodSec = periodSec;
        this.reads = reads;
    }

    public static ServerMetrics read(RunFiles files) {
        Map<SeriesKey, NavigableMap<Long, Double>> series = new LinkedHashMap<>();
        Map<SeriesKey, Integer> periods = new LinkedHashMap<>();
        ServerCsv.Rows server = ServerCsv.read(files);
        for (MetricRow row : server.rows()) {
            series.computeIfAbsent(SeriesKey.server(row.node(), row.metric()), k -> new TreeMap<>())
                    .put(row.epochSec(), row.value());
        }
        CloudWatchCsv.Rows cloudwatch = CloudWatchCsv.read(files);
        for (CloudWatchRow row : cloudwatch.rows()) {
            SeriesKey key = SeriesKey.cloudwatch(row.node(), row.metric(), row.statistic());
            series.computeIfAbsent(key, k -> new TreeMap<>()).put(row.epochSec(), row.value());
            periods.put(key, row.periodSec());
        }
        return new ServerMetrics(series, periods, List.of(server.read(), cloudwatch.read()));
    }

    /** What reading {@code server.csv} and {@code cloudwatch/metrics.csv} left out. */
    public List<CsvFile.Result> reads() {
        return reads;
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
