package dev.queuebench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;

/**
 * Each fork's measured iteration scores of one benchmark (one parameter set, one mode), in order, in the
 * score's unit: what {@link Steadiness} judges. Warm-up iterations are not among them.
 */
public final class IterationScores {
    private IterationScores() {
    }

    /** From a run in this JVM: one list per fork ({@code -f 0}: one list). */
    public static List<List<Double>> of(RunResult result) {
        List<List<Double>> byFork = new ArrayList<>();
        for (BenchmarkResult fork : result.getBenchmarkResults()) {
            byFork.add(fork.getIterationResults().stream().map(IterationResult::getPrimaryResult)
                    .map(r -> r.getScore()).toList());
        }
        return byFork;
    }

    /**
     * From one element of JMH's JSON result array: {@code primaryMetric.rawData}, an array per fork of the
     * iterations' scores (throughput and average-time modes), or else {@code primaryMetric.rawDataHistogram},
     * per fork and iteration an array of {@code [value, count]} pairs (sample-time mode), averaged.
     */
    public static List<List<Double>> ofJmhJson(JsonNode result) {
        JsonNode primary = result.path("primaryMetric");
        List<List<Double>> byFork = new ArrayList<>();
        if (primary.has("rawData")) {
            for (JsonNode fork : primary.get("rawData")) {
                List<Double> scores = new ArrayList<>();
                fork.forEach(score -> scores.add(score.asDouble()));
                byFork.add(scores);
            }
            return byFork;
        }
        for (JsonNode fork : primary.path("rawDataHistogram")) {
            List<Double> scores = new ArrayList<>();
            for (JsonNode iteration : fork) {
                double sum = 0;
                long count = 0;
                for (JsonNode valueAndCount : iteration) {
                    sum += valueAndCount.get(0).asDouble() * valueAndCount.get(1).asLong();
                    count += valueAndCount.get(1).asLong();
                }
                scores.add(count == 0 ? Double.NaN : sum / count);
            }
            byFork.add(scores);
        }
        return byFork;
    }
}
