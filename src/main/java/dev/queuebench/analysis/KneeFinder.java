package dev.queuebench.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds the knee from load levels in increasing load. The low-load values are the first level's
 * p99 and error rate. A level is broken when its p99 is more than {@value #P99_FACTOR} times the
 * low-load p99 and at least {@value #P99_MIN_RISE_MICROS} µs above it (so that microsecond noise
 * at low load is not a knee), or when its error rate is more than {@value #ERROR_RISE_PCT}
 * percentage points above the low-load rate. The knee is the last level before the first broken
 * one.
 */
public final class KneeFinder {
    public static final double P99_FACTOR = 2.0;
    public static final long P99_MIN_RISE_MICROS = 1_000;
    public static final double ERROR_RISE_PCT = 1.0;
    /** A level with fewer requests says nothing about its p99. */
    public static final long MIN_REQUESTS_PER_LEVEL = 100;

    private KneeFinder() {
    }

    public static Knee find(List<LoadLevel> candidates, String method) {
        List<LoadLevel> levels = new ArrayList<>(candidates.stream()
                .filter(level -> level.ok() + level.ko() >= MIN_REQUESTS_PER_LEVEL).toList());
        levels.sort(Comparator.comparingDouble(LoadLevel::achievedRps));
        if (levels.size() < 2) {
            return new Knee(false, levels.isEmpty() ? Double.NaN : levels.get(0).achievedRps(), Double.NaN, method,
                    levels, "No knee can be found: the run has " + levels.size() + " load level(s) with at least "
                            + MIN_REQUESTS_PER_LEVEL + " requests; the stairs or target-30k profile climbs in steps.");
        }
        LoadLevel low = levels.get(0);
        for (int i = 1; i < levels.size(); i++) {
            LoadLevel level = levels.get(i);
            String why = brokenBecause(low, level);
            if (why != null) {
                LoadLevel last = levels.get(i - 1);
                return new Knee(true, last.achievedRps(), level.achievedRps(), method, levels, String.format(Locale.ROOT,
                        "The knee is at about %,.0f requests/s: up to there p99 stayed near its low-load %.1f ms "
                                + "(%s, %.1f ms); at %,.0f requests/s (%s) %s.",
                        last.achievedRps(), low.latency().p99Micros() / 1000, last.name(),
                        last.latency().p99Micros() / 1000, level.achievedRps(), level.name(), why));
            }
        }
        LoadLevel top = levels.get(levels.size() - 1);
        return new Knee(false, top.achievedRps(), Double.NaN, method, levels, String.format(Locale.ROOT,
                "No knee up to %,.0f requests/s: p99 %.1f ms at the highest level against %.1f ms at the lowest, "
                        + "errors %.2f%% against %.2f%%.",
                top.achievedRps(), top.latency().p99Micros() / 1000, low.latency().p99Micros() / 1000,
                top.errorRatePct(), low.errorRatePct()));
    }

    private static String brokenBecause(LoadLevel low, LoadLevel level) {
        double lowP99 = low.latency().p99Micros();
        double p99 = level.latency().p99Micros();
        if (p99 > P99_FACTOR * lowP99 && p99 - lowP99 >= P99_MIN_RISE_MICROS) {
            return String.format(Locale.ROOT, "p99 rose to %.1f ms, %.1f times the low-load value",
                    p99 / 1000, p99 / lowP99);
        }
        if (level.errorRatePct() - low.errorRatePct() > ERROR_RISE_PCT) {
            return String.format(Locale.ROOT, "errors rose to %.2f%% from %.2f%%", level.errorRatePct(),
                    low.errorRatePct());
        }
        return null;
    }
}
