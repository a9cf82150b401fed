package dev.queuebench.analysis;

import dev.queuebench.rundir.LatencyHlog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The latency a drill is judged by, from {@code latency.hlog} in the same pass as {@link Aggregation}:
 * per drill, its level (the median of the per-second p99 of every request over the {@value
 * #PRE_DRILL_SEC} s before it, so an earlier drill's last slow seconds do not raise it), and for each
 * second from the drill on, its requests and those slower than {@link #RECOVERED_FACTOR} × that level.
 *
 * <p>Recovery is then judged on {@value #RECOVERED_FOR_SEC} s windows, their requests added: the
 * window's p99 is within the factor when at most 1% of its requests are slower. A window's p99 over
 * hundreds of requests is as steady as the level it is compared with. The old test, each second's
 * own p99 within the factor of the median second before, three seconds in a row, asked at a low rate
 * that three seconds' slowest requests all stay under it: one second in four of an undisturbed run
 * misses, and a smoke run's recovery read from 6 to past 16 s, sometimes never within the run.
 *
 * <p>Memory: ten histograms per drill until it starts, then two counts per second.
 */
final class DrillLatency {
    static final int PRE_DRILL_SEC = 10;
    static final double RECOVERED_FACTOR = 1.2;
    static final int RECOVERED_FOR_SEC = 3;
    /** The share of a window's requests that may be slower than the threshold: its p99 is within it. */
    static final double SLOW_SHARE = 0.01;
    private static final int SIGNIFICANT_DIGITS = 3;

    private final List<Drill> drills = new ArrayList<>();

    /** @param drillStartSecs the epoch second each drill started, in time order */
    DrillLatency(List<Long> drillStartSecs) {
        for (long startSec : drillStartSecs) {
            drills.add(new Drill(startSec));
        }
    }

    /** One request name's histogram of one second; seconds arrive in time order. */
    void accept(LatencyHlog.TaggedSecond second) {
        for (Drill drill : drills) {
            drill.accept(second.epochSec(), second.histogram());
        }
    }

    /** The drill's level: the median per-second p99 of the 10 s before it started at {@code startSec}; NaN without any. */
    double preDrillP99Micros(long startSec) {
        return drill(startSec).preP99Micros();
    }

    /**
     * Seconds from the drill until a {@value #RECOVERED_FOR_SEC} s window, ending before {@code untilSec},
     * had requests in every second, none of them failed ({@code failedAt}), and a p99 within
     * {@link #RECOVERED_FACTOR} × the pre-drill p99; NaN when none did.
     */
    double recoverySec(long startSec, long untilSec, java.util.function.LongPredicate failedAt) {
        Drill drill = drill(startSec);
        if (Double.isNaN(drill.preP99Micros())) {
            return Double.NaN;
        }
        for (long from = startSec; from + RECOVERED_FOR_SEC <= untilSec; from++) {
            long total = 0;
            long slow = 0;
            boolean whole = true;
            for (long sec = from; sec < from + RECOVERED_FOR_SEC && whole; sec++) {
                long[] counts = drill.after.get(sec);
                whole = counts != null && counts[0] > 0 && !failedAt.test(sec);
                if (whole) {
                    total += counts[0];
                    slow += counts[1];
                }
            }
            if (whole && slow <= SLOW_SHARE * total) {
                return from - startSec;
            }
        }
        return Double.NaN;
    }

    private Drill drill(long startSec) {
        for (Drill drill : drills) {
            if (drill.startSec == startSec) {
                return drill;
            }
        }
        throw new IllegalArgumentException("no drill started at " + startSec);
    }

    private static final class Drill {
        final long startSec;
        /** The seconds before the drill, every request name added, until the level is taken from them. */
        final TreeMap<Long, Histogram> before = new TreeMap<>();
        /** Per second from the drill on: requests, and those slower than the threshold. */
        final Map<Long, long[]> after = new TreeMap<>();
        double levelMicros = Double.NaN;
        boolean levelTaken;

        Drill(long startSec) {
            this.startSec = startSec;
        }

        void accept(long epochSec, Histogram histogram) {
            if (epochSec >= startSec - PRE_DRILL_SEC && epochSec < startSec) {
                before.computeIfAbsent(epochSec, s -> new Histogram(SIGNIFICANT_DIGITS)).add(histogram);
            } else if (epochSec >= startSec) {
                double level = preP99Micros();
                long thresholdMicros = Double.isNaN(level) ? Long.MAX_VALUE
                        : (long) Math.floor(RECOVERED_FACTOR * level);
                long[] counts = after.computeIfAbsent(epochSec, s -> new long[2]);
                long total = histogram.getTotalCount();
                counts[0] += total;
                if (total > 0 && histogram.getMaxValue() > thresholdMicros) {
                    counts[1] += total - Math.min(total, histogram.getCountBetweenValues(0, thresholdMicros));
                }
            }
        }

        /** The median of the seconds' own p99: a second or two still slow from an earlier drill do not move it. */
        double preP99Micros() {
            if (!levelTaken) {
                double[] p99 = before.values().stream().filter(histogram -> histogram.getTotalCount() > 0)
                        .mapToDouble(histogram -> histogram.getValueAtPercentile(99)).sorted().toArray();
                levelMicros = p99.length == 0 ? Double.NaN : p99[(p99.length - 1) / 2];
                levelTaken = true;
                before.clear();
            }
            return levelMicros;
        }
    }
}
