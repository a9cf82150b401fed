package dev.queuebench.analysis;

import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;

/** Whether imported CloudWatch data covers any of the run: data from another window is no evidence about it. */
final class CloudWatchOverlap {
    private CloudWatchOverlap() {
    }

    /** A sentence when CloudWatch data exists and none of its periods touches the run's seconds, else null. */
    static String outsideRun(ServerMetrics server, RunData data) {
        long runFromSec = (long) Math.floor(data.injectionStartSec());
        long runToSec = data.timeline().steps().isEmpty() ? runFromSec
                : data.timeline().steps().get(data.timeline().steps().size() - 1).endEpochSec();
        long firstSec = Long.MAX_VALUE;
        long lastSec = Long.MIN_VALUE;
        for (Map.Entry<SeriesKey, NavigableMap<Long, Double>> series : server.all().entrySet()) {
            if (!"cloudwatch".equals(series.getKey().source()) || series.getValue().isEmpty()) {
                continue;
            }
            int periodSec = server.periodSec(series.getKey());
            for (long startSec : series.getValue().keySet()) {
                if (startSec < runToSec && startSec + periodSec > runFromSec) {
                    return null;
                }
                firstSec = Math.min(firstSec, startSec);
                lastSec = Math.max(lastSec, startSec + periodSec);
            }
        }
        if (firstSec == Long.MAX_VALUE) {
            return null;
        }
        return "cloudwatch/metrics.csv holds data from " + Instant.ofEpochSecond(firstSec) + " to "
                + Instant.ofEpochSecond(lastSec) + ", none of it within the run (" + Instant.ofEpochSecond(runFromSec)
                + " to " + Instant.ofEpochSecond(runToSec) + "), so no CloudWatch chart or figure is shown: fetch "
                + "or export the run's own window (cloudwatch fetch --from/--to, or aws cloudwatch "
                + "get-metric-data --start-time/--end-time).";
    }
}
