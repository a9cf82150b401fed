package dev.queuebench.analysis;

import dev.queuebench.rundir.Summary;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;

/** The levels of server metrics that the capacity plan projects from, over one run. */
final class ServerLevels {
    private ServerLevels() {
    }

    static Summary.ServerLevels of(ServerMetrics server, LoadTimeline timeline, Map<String, Double> alarmThresholds) {
        double newConnections = 0;
        int newConnectionSamples = 0;
        for (double value : server.sumOverNodes("NewConnections").values()) {
            newConnections += value;
            newConnectionSamples++;
        }
        double enginePct = 0;
        int enginePctSamples = 0;
        NavigableMap<Long, Double> engine = server.get(SeriesKey.server("primary", "EngineCPUUtilization"));
        for (LoadStep step : timeline.steps()) {
            if (step.measured()) {
                for (double value : engine.subMap(step.startEpochSec(), step.endEpochSec()).values()) {
                    enginePct += value;
                    enginePctSamples++;
                }
            }
        }
        NavigableMap<Long, Double> used = server.get(SeriesKey.server("primary", "BytesUsedForCache"));
        return new Summary.ServerLevels(
                newConnectionSamples > 0 ? newConnections / newConnectionSamples : Double.NaN, newConnectionSamples,
                enginePctSamples > 0 ? enginePct / enginePctSamples : Double.NaN, enginePctSamples,
                used.isEmpty() ? Double.NaN : used.lastEntry().getValue(), new LinkedHashMap<>(alarmThresholds));
    }
}
