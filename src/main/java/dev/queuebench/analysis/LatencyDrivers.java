package dev.queuebench.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Ranks the server metrics (the ElastiCache-named ones of {@code server.csv}) by how well they
 * explain p99 over time: for each metric, Spearman's ρ
 * between the per-second p99 of all requests and the metric shifted by -{@value #MAX_LAG_SEC} to
 * +{@value #MAX_LAG_SEC} s, keeping the lag with the largest |ρ|. Only measured seconds (ramps,
 * holds) with at least {@value #MIN_REQUESTS_PER_SECOND} requests count, so a near-empty second's
 * p99 does not weigh like a full one.
 */
public final class LatencyDrivers {
    public static final int MAX_LAG_SEC = 5;
    public static final int MIN_REQUESTS_PER_SECOND = 10;
    public static final int MIN_SAMPLES = 10;
    /** Below this |ρ| no metric is said to explain latency. */
    public static final double MODERATE_RHO = 0.4;
    public static final double STRONG_RHO = 0.7;

    private LatencyDrivers() {
    }

    /**
     * @param p99BySecond per-second p99 of all requests (microseconds), measured seconds only
     * @param lowLoadP99Micros the p99 that counts as "low load" for the threshold sentence
     */
    public static List<MetricCorrelation> rank(NavigableMap<Long, Double> p99BySecond,
            Map<SeriesKey, NavigableMap<Long, Double>> metrics, double lowLoadP99Micros) {
        List<MetricCorrelation> ranked = new ArrayList<>();
        for (Map.Entry<SeriesKey, NavigableMap<Long, Double>> entry : metrics.entrySet()) {
            SeriesKey key = entry.getKey();
            // The ElastiCache-named metrics only: hundreds of per-command series would find a spurious
            // match by chance, and a command storm shows in EngineCPUUtilization and the families anyway.
            if (!"server".equals(key.source()) || "CounterReset".equals(key.metric()) || key.metric().startsWith("cmd.")
                    || key.metric().endsWith("ReplOffset")) {
                continue;
            }
            MetricCorrelation best = bestLag(key, p99BySecond, entry.getValue(), lowLoadP99Micros);
            if (best != null) {
                ranked.add(best);
            }
        }
        ranked.sort(Comparator.comparingDouble((MetricCorrelation c) -> -Math.abs(c.rho()))
                .thenComparing(c -> c.series().label()));
        return ranked;
    }

    private static MetricCorrelation bestLag(SeriesKey key, NavigableMap<Long, Double> p99,
            NavigableMap<Long, Double> metric, double lowLoadP99Micros) {
        MetricCorrelation best = null;
        for (int lag = -MAX_LAG_SEC; lag <= MAX_LAG_SEC; lag++) {
            List<double[]> pairs = new ArrayList<>();
            for (Map.Entry<Long, Double> second : p99.entrySet()) {
                Double value = metric.get(second.getKey() - lag);
                if (value != null) {
                    pairs.add(new double[] {value, second.getValue()});
                }
            }
            if (pairs.size() < MIN_SAMPLES) {
                continue;
            }
            double[] x = pairs.stream().mapToDouble(p -> p[0]).toArray();
            double[] y = pairs.stream().mapToDouble(p -> p[1]).toArray();
            double rho = RankCorrelation.spearman(x, y);
            if (Double.isNaN(rho)) {
                continue;
            }
            // Ties in |ρ| go to the smallest lag: a same-second relation is the plainer explanation.
            if (best == null || Math.abs(rho) > Math.abs(best.rho()) + 1e-12
                    || (Math.abs(Math.abs(rho) - Math.abs(best.rho())) <= 1e-12 && Math.abs(lag) < Math.abs(best.lagSec()))) {
                double above = pairs.stream().filter(p -> p[1] > 2 * lowLoadP99Micros).mapToDouble(p -> p[0]).min()
                        .orElse(Double.NaN);
                best = new MetricCorrelation(key, rho, lag, pairs.size(), above,
                        java.util.Arrays.stream(x).min().orElse(Double.NaN));
            }
        }
        return best;
    }

    /** The finding in one sentence, for the report's reader. */
    public static String sentence(List<MetricCorrelation> ranked, double lowLoadP99Micros, ServerMetrics server) {
        if (ranked.isEmpty() && !server.hasServerSamples()) {
            return "No server metrics to compare with latency: the run has no server.csv "
                    + "(the INFO sampler runs beside `queuebench run`, or alone as `queuebench sample`).";
        }
        if (ranked.isEmpty()) {
            // The samples are there, but too few measured seconds carried enough requests to correlate with.
            return String.format(Locale.ROOT, "Too few measured seconds with at least %d requests and server samples "
                    + "to correlate latency with the server metrics (a short or interrupted run); the per-second "
                    + "charts still show both.", MIN_REQUESTS_PER_SECOND);
        }
        MetricCorrelation top = ranked.get(0);
        String lag = top.lagSec() == 0 ? "in the same second"
                : top.lagSec() > 0 ? "with the metric " + top.lagSec() + " s ahead"
                        : "with the metric " + (-top.lagSec()) + " s behind";
        String direction = top.rho() >= 0 ? "follows" : "moves against";
        String base = String.format(Locale.ROOT, "p99 %s %s (Spearman ρ = %.2f over %d s, %s)", direction,
                top.series().label(), top.rho(), top.samples(), lag);
        if (Math.abs(top.rho()) < MODERATE_RHO) {
            return base + "; that is weak: no server metric explains the latency well in this run.";
        }
        String strength = Math.abs(top.rho()) >= STRONG_RHO ? "" : " (a moderate relation only)";
        base += strength;
        if (!Double.isNaN(top.aboveValue()) && top.rho() > 0 && top.aboveValue() <= top.lowestValue()) {
            return base + String.format(Locale.ROOT, "; p99 rose above twice its low-load %.1f ms at every level of "
                    + "%s, so it sets no threshold.", lowLoadP99Micros / 1000, top.series().metric());
        }
        if (!Double.isNaN(top.aboveValue()) && top.rho() > 0) {
            return base + String.format(Locale.ROOT,
                    "; p99 was above twice its low-load %.1f ms only when %s was at or above %s.",
                    lowLoadP99Micros / 1000, top.series().metric(), number(top.aboveValue()));
        }
        if (Double.isNaN(top.aboveValue())) {
            // Flat latency: whatever co-moves with its small wobbles does not drive it at this load.
            return String.format(Locale.ROOT, "p99 stayed within twice its low-load %.1f ms all run, so no server "
                    + "metric drives it at this load; the closest co-movement: %s.", lowLoadP99Micros / 1000,
                    base.substring("p99 ".length()));
        }
        return base + ".";
    }

    static String number(double value) {
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
