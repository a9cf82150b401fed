package dev.queuebench.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import dev.queuebench.rundir.LatencyHlog;

/**
 * Merges the per-second histograms of {@code latency.hlog} into exact per-step, per-level and
 * per-request histograms (histograms are added, percentiles are never averaged), and keeps the
 * per-second percentiles for the timeline. One pass, one interval in memory at a time.
 */
final class Aggregation {
    static final String ALL = "all";
    private static final int SIGNIFICANT_DIGITS = 3;

    private final LoadTimeline timeline;
    private final Map<Long, Integer> levelOfSecond;
    private final Map<String, Map<String, Histogram>> byStep = new LinkedHashMap<>();
    private final Map<Integer, Histogram> byLevel = new TreeMap<>();
    private final Map<String, Histogram> measured = new TreeMap<>();
    private final TreeMap<Long, Map<String, LatencyStats>> perSecond = new TreeMap<>();
    private final TreeMap<Long, Histogram> openSecondAll = new TreeMap<>();

    Aggregation(LoadTimeline timeline, Map<Long, Integer> levelOfSecond) {
        this.timeline = timeline;
        this.levelOfSecond = levelOfSecond;
    }

    void accept(LatencyHlog.TaggedSecond second) {
        Histogram histogram = second.histogram();
        LoadStep step = timeline.stepAt(second.epochSec());
        if (step != null) {
            Map<String, Histogram> stepHistograms = byStep.computeIfAbsent(step.name(), n -> new TreeMap<>());
            add(stepHistograms, second.request(), histogram);
            add(stepHistograms, ALL, histogram);
            if (step.measured()) {
                add(measured, second.request(), histogram);
                add(measured, ALL, histogram);
            }
        }
        Integer level = levelOfSecond.get(second.epochSec());
        if (level != null) {
            byLevel.computeIfAbsent(level, l -> new Histogram(SIGNIFICANT_DIGITS)).add(histogram);
        }
        perSecond.computeIfAbsent(second.epochSec(), s -> new TreeMap<>())
                .put(second.request(), LatencyStats.of(histogram));
        openSecondAll.computeIfAbsent(second.epochSec(), s -> new Histogram(SIGNIFICANT_DIGITS)).add(histogram);
        // Intervals arrive in time order (per second, every tag), so a second is whole once a later one starts.
        while (openSecondAll.size() > 1) {
            Map.Entry<Long, Histogram> done = openSecondAll.pollFirstEntry();
            perSecond.get(done.getKey()).put(ALL, LatencyStats.of(done.getValue()));
        }
    }

    void finish() {
        for (Map.Entry<Long, Histogram> done : openSecondAll.entrySet()) {
            perSecond.get(done.getKey()).put(ALL, LatencyStats.of(done.getValue()));
        }
        openSecondAll.clear();
    }

    private static void add(Map<String, Histogram> histograms, String key, Histogram histogram) {
        histograms.computeIfAbsent(key, k -> new Histogram(SIGNIFICANT_DIGITS)).add(histogram);
    }

    LatencyStats step(String stepName, String request) {
        Histogram histogram = byStep.getOrDefault(stepName, Map.of()).get(request);
        return histogram == null ? LatencyStats.of(new Histogram(SIGNIFICANT_DIGITS)) : LatencyStats.of(histogram);
    }

    LatencyStats measured(String request) {
        Histogram histogram = measured.get(request);
        return histogram == null ? LatencyStats.of(new Histogram(SIGNIFICANT_DIGITS)) : LatencyStats.of(histogram);
    }

    LatencyStats level(int level) {
        Histogram histogram = byLevel.get(level);
        return histogram == null ? LatencyStats.of(new Histogram(SIGNIFICANT_DIGITS)) : LatencyStats.of(histogram);
    }

    /** Per second: percentiles per request name and {@code all}. */
    TreeMap<Long, Map<String, LatencyStats>> perSecond() {
        return perSecond;
    }

}
