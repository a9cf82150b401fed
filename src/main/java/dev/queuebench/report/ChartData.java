package dev.queuebench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.queuebench.analysis.AlarmPeriod;
import dev.queuebench.analysis.RunSummary;
import dev.queuebench.analysis.SeriesKey;
import dev.queuebench.analysis.ServerMetrics;
import dev.queuebench.analysis.Timeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Predicate;
import dev.queuebench.rundir.EventsCsv;
import dev.queuebench.rundir.JsonFiles;
import dev.queuebench.rundir.Summary;

/**
 * The report's charts as data: one shared time axis (epoch seconds) and, per chart, its series
 * aligned on it ({@code null} in gaps). Charts without any data are left out and named in
 * {@code absent}. Alarm periods travel along to be shaded on every chart.
 */
final class ChartData {
    private static final ObjectMapper JSON = JsonFiles.JSON;
    /** Server samples this far outside the requests still show (the idle before and after). */
    private static final int MARGIN_SEC = 5;

    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode charts = root.putArray("charts");
    private final ArrayNode absent = root.putArray("absent");
    private final long firstSec;
    private final int length;

    private ChartData(long firstSec, int length) {
        this.firstSec = firstSec;
        this.length = length;
    }

    static ObjectNode build(RunSummary summary, ServerMetrics server) {
        Timeline timeline = summary.timeline();
        long first = timeline.epochSec().length == 0 ? (long) summary.injectionStartSec() : timeline.epochSec()[0] - MARGIN_SEC;
        long last = timeline.epochSec().length == 0 ? first : timeline.epochSec()[timeline.epochSec().length - 1] + MARGIN_SEC;
        ChartData data = new ChartData(first, (int) (last - first + 1));
        ArrayNode x = data.root.putArray("x");
        for (long sec = first; sec <= last; sec++) {
            x.add(sec);
        }
        data.loadChart(timeline);
        data.latencyChart(timeline);
        data.lossChart(summary.integrity());
        data.serverChart("cpu", "Redis CPU", "% of one core", server,
                key -> key.metric().equals("EngineCPUUtilization") || key.metric().equals("ProcessCPUUtilization")
                        || key.metric().equals("CPUUtilization"));
        data.serverChart("memory", "Memory", "% of the node's memory", server,
                key -> key.metric().equals("DatabaseMemoryUsagePercentage"));
        data.serverChart("connections", "Connections", "connections, new per second", server,
                key -> key.metric().equals("CurrConnections") || key.metric().equals("NewConnections"));
        data.serverChart("network", "Network", "bytes per second", server,
                key -> key.metric().startsWith("NetworkBytes"));
        data.serverChart("commands", "Commands by family", "commands per second", server,
                key -> key.metric().endsWith("BasedCmds") || key.metric().endsWith("TypeCmds")
                        || key.metric().equals("TotalCmds"));
        data.serverChart("replication", "Replication lag", "seconds", server,
                key -> key.metric().equals("ReplicationLag"));
        ArrayNode events = data.root.putArray("events");
        for (EventsCsv.Event event : summary.events()) {
            ObjectNode marker = events.addObject();
            marker.put("at", event.epochMs() / 1000.0);
            marker.put("label", event.kind() + (event.detail().isEmpty() ? "" : ": " + event.detail()));
        }
        ArrayNode alarms = data.root.putArray("alarms");
        for (AlarmPeriod period : summary.alarms()) {
            ObjectNode alarm = alarms.addObject();
            alarm.put("label", period.alarm() + " @" + period.node());
            alarm.put("start", period.startEpochSec());
            alarm.put("end", period.endEpochSec());
        }
        return data.root;
    }

    private void loadChart(Timeline timeline) {
        List<ObjectNode> series = new ArrayList<>();
        series.add(series("intended req/s", aligned(timeline.epochSec(), timeline.intendedRps(), 1), false));
        series.add(series("achieved req/s", aligned(timeline.epochSec(), timeline.achievedRps(), 1), false));
        series.add(series("KO/s", aligned(timeline.epochSec(), timeline.koPerSec(), 1), false));
        add("load", "Request rate", "requests per second", series);
    }

    private void latencyChart(Timeline timeline) {
        List<ObjectNode> series = new ArrayList<>();
        for (Map.Entry<String, Map<String, double[]>> request : timeline.latencyMicros().entrySet()) {
            boolean all = request.getKey().equals("all");
            series.add(series(request.getKey() + " p99 ms",
                    aligned(timeline.epochSec(), request.getValue().get("p99"), 0.001), false));
            if (all) {
                series.add(series("all p50 ms", aligned(timeline.epochSec(), request.getValue().get("p50"), 0.001), false));
            }
        }
        add("latency", "Latency percentiles per request", "milliseconds", series);
    }

    private void serverChart(String id, String title, String unit, ServerMetrics server, Predicate<SeriesKey> wanted) {
        List<ObjectNode> series = new ArrayList<>();
        for (Map.Entry<SeriesKey, NavigableMap<Long, Double>> entry : server.all().entrySet()) {
            if (!wanted.test(entry.getKey())) {
                continue;
            }
            SeriesKey key = entry.getKey();
            // A CloudWatch Sum covers its whole period; per second it sits on the sampler's scale.
            boolean perSecond = "cloudwatch".equals(key.source()) && "Sum".equals(key.statistic());
            double divisor = perSecond ? server.periodSec(key) : 1;
            Double[] values = new Double[length];
            entry.getValue().forEach((sec, value) -> {
                long index = sec - firstSec;
                if (index >= 0 && index < length) {
                    values[(int) index] = value / divisor;
                }
            });
            // CloudWatch points sit a period apart: draw them joined, sampler gaps stay gaps.
            series.add(series(key.label() + (perSecond ? " per second" : ""), values,
                    "cloudwatch".equals(key.source())));
        }
        add(id, title, unit, series);
    }

    private Double[] aligned(long[] seconds, double[] values, double factor) {
        Double[] out = new Double[length];
        for (int i = 0; i < seconds.length; i++) {
            long index = seconds[i] - firstSec;
            if (index >= 0 && index < length && !Double.isNaN(values[i])) {
                out[(int) index] = values[i] * factor;
            }
        }
        return out;
    }

    /** Users lost per second, on the same axis as latency and the server, so an outage and its losses line up. */
    private void lossChart(Summary.Integrity audit) {
        if (audit == null) {
            return; // a run that recorded no journeys: the integrity table says so
        }
        Double[] lost = new Double[length];
        {
            java.util.Arrays.fill(lost, 0.0);
            for (Summary.LossSecond second : audit.lostBySecond()) {
                long index = second.epochSec() - firstSec;
                if (index >= 0 && index < length) {
                    lost[(int) index] = (double) second.users();
                }
            }
        }
        add("lost", "Users lost", "users per second", List.of(series("lost users", lost, false)));
    }

    private static ObjectNode series(String label, Double[] values, boolean spanGaps) {
        ObjectNode node = JSON.createObjectNode();
        node.put("label", label);
        node.put("spanGaps", spanGaps);
        ArrayNode array = node.putArray("values");
        int points = 0;
        for (Double value : values) {
            if (value == null) {
                array.addNull();
            } else {
                array.add(value);
                points++;
            }
        }
        node.put("points", points);
        return node;
    }

    private void add(String id, String title, String unit, List<ObjectNode> series) {
        List<ObjectNode> withData = series.stream().filter(s -> s.path("points").asInt() > 0).toList();
        if (withData.isEmpty()) {
            absent.add(title);
            return;
        }
        ObjectNode chart = charts.addObject();
        chart.put("id", id);
        chart.put("title", title);
        chart.put("unit", unit);
        chart.putArray("series").addAll(withData);
    }
}
