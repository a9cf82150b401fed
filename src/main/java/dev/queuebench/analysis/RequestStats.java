package dev.queuebench.analysis;

import java.util.Map;

/**
 * One request name (or {@code all}) over one stretch of a run: counts from {@code requests.csv},
 * latency from the merged per-second histograms of {@code latency.hlog}.
 *
 * @param throughputRps requests started per second over the stretch
 */
public record RequestStats(String request, long ok, long ko, Map<String, Long> koByCause, double throughputRps,
        LatencyStats latency) {

    public long count() {
        return ok + ko;
    }

    /** KO share in percent, 0 without requests. */
    public double errorRatePct() {
        return count() == 0 ? 0 : 100.0 * ko / count();
    }
}
