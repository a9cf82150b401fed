package dev.queuebench.gate;

import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** What can be computed from a set of per-second samples, the same way on the run and on each resample. */
public enum SecondsMetric {
    P50_MS("p50_ms", "ms", false),
    P99_MS("p99_ms", "ms", false),
    P999_MS("p999_ms", "ms", false),
    THROUGHPUT_RPS("throughput_rps", "req/s", true),
    ERROR_RATE_PCT("error_rate_pct", "%", false);

    private final String key;
    private final String unit;
    private final boolean higherIsBetter;

    SecondsMetric(String key, String unit, boolean higherIsBetter) {
        this.key = key;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
    }

    public String key() {
        return key;
    }

    public String unit() {
        return unit;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public static SecondsMetric byKey(String key) {
        for (SecondsMetric metric : values()) {
            if (metric.key.equals(key.toLowerCase(Locale.ROOT))) {
                return metric;
            }
        }
        return null;
    }

    /**
     * Every metric over the {@code seconds} picked by {@code picks} (indices, repeats allowed), in
     * declaration order; one histogram merge serves the three percentiles.
     */
    static double[] computeAll(List<SparseSecond> seconds, int[] picks, Histogram scratch) {
        double[] out = new double[values().length];
        java.util.Arrays.fill(out, Double.NaN);
        if (picks.length == 0) {
            return out;
        }
        scratch.reset();
        double ko = 0;
        double all = 0;
        for (int pick : picks) {
            SparseSecond second = seconds.get(pick);
            second.addTo(scratch);
            ko += second.ko();
            all += second.ok() + second.ko();
        }
        if (scratch.getTotalCount() > 0) {
            out[P50_MS.ordinal()] = scratch.getValueAtPercentile(50) / 1000.0;
            out[P99_MS.ordinal()] = scratch.getValueAtPercentile(99) / 1000.0;
            out[P999_MS.ordinal()] = scratch.getValueAtPercentile(99.9) / 1000.0;
        }
        out[THROUGHPUT_RPS.ordinal()] = all / picks.length;
        out[ERROR_RATE_PCT.ordinal()] = all == 0 ? Double.NaN : 100 * ko / all;
        return out;
    }

    /** Relative change in percent, except the error rate: its change is in percentage points. */
    boolean changeInPoints() {
        return this == ERROR_RATE_PCT;
    }
}
