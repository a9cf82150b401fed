package dev.queuebench.bench;

import java.util.List;
import java.util.Locale;

/**
 * Whether a benchmark's measured iterations had settled, or still followed the JIT's climb (or some other
 * drift) so that the score averages a trend. Each fork is judged on its own, because each fork warms up its
 * own JVM: the mean of the first half of its measured iterations against the mean of the second half (the
 * middle one left out when the count is odd). A fork trends when the halves differ by more than
 * {@value #MAX_CHANGE_PERCENT}% of the first half's mean and by more than {@value #MIN_T_STATISTIC} standard
 * errors of that difference (Welch's t): scores that scatter widely about a flat level are noisy, not
 * trending. Fewer than {@value #MIN_ITERATIONS} measured iterations in a fork cannot be judged.
 *
 * @param verdict        steady, trending, or unchecked
 * @param forkNumber     the fork judged (1-based): the one that trends most, else the one with the largest change
 * @param firstHalfMean  mean score of that fork's first half of measured iterations, in the score's unit
 * @param secondHalfMean mean score of its second half
 */
public record Steadiness(Verdict verdict, int forkNumber, double firstHalfMean, double secondHalfMean) {
    /** In rising order of concern: a run is as bad as its worst fork. */
    public enum Verdict { UNCHECKED, STEADY, TRENDING }

    static final double MAX_CHANGE_PERCENT = 5;
    static final double MIN_T_STATISTIC = 2;
    static final int MIN_ITERATIONS = 4;

    /**
     * @param scoresByFork each fork's measured iteration scores, in order (JMH JSON's
     *                     {@code primaryMetric.rawData})
     */
    public static Steadiness of(List<List<Double>> scoresByFork) {
        Steadiness judged = new Steadiness(Verdict.UNCHECKED, 0, Double.NaN, Double.NaN);
        for (int fork = 0; fork < scoresByFork.size(); fork++) {
            Steadiness candidate = ofFork(fork + 1, scoresByFork.get(fork));
            if (candidate.outranks(judged)) {
                judged = candidate;
            }
        }
        return judged;
    }

    private static Steadiness ofFork(int forkNumber, List<Double> scores) {
        if (scores.size() < MIN_ITERATIONS) {
            return new Steadiness(Verdict.UNCHECKED, forkNumber, Double.NaN, Double.NaN);
        }
        int half = scores.size() / 2;
        List<Double> first = scores.subList(0, half);
        List<Double> second = scores.subList(scores.size() - half, scores.size());
        double firstMean = mean(first);
        double secondMean = mean(second);
        double standardError = Math.sqrt((variance(first) + variance(second)) / half);
        double difference = Math.abs(secondMean - firstMean);
        boolean large = difference > Math.abs(firstMean) * MAX_CHANGE_PERCENT / 100;
        boolean beyondNoise = standardError == 0 ? difference > 0 : difference / standardError > MIN_T_STATISTIC;
        return new Steadiness(large && beyondNoise ? Verdict.TRENDING : Verdict.STEADY, forkNumber, firstMean,
                secondMean);
    }

    private boolean outranks(Steadiness other) {
        if (verdict != other.verdict) {
            return verdict.compareTo(other.verdict) > 0;
        }
        return Math.abs(changePercent()) > Math.abs(other.changePercent());
    }

    /** Second half's mean against the first's, in percent of the first; NaN when unchecked. */
    public double changePercent() {
        return (secondHalfMean - firstHalfMean) / firstHalfMean * 100;
    }

    /** The Markdown table's cell: {@code steady}, or what moved and by how much, or why it was not judged. */
    public String cell() {
        return switch (verdict) {
            case STEADY -> "steady";
            case UNCHECKED -> "unchecked (< " + MIN_ITERATIONS + " iterations)";
            case TRENDING -> String.format(Locale.ROOT, "%s %+.0f%% (fork %d: %s → %s)",
                    changePercent() > 0 ? "rises" : "falls", changePercent(), forkNumber,
                    JmhReport.number(firstHalfMean), JmhReport.number(secondHalfMean));
        };
    }

    /**
     * What settles a trending benchmark, for the console and the notes under the tables. Both causes are
     * named because the direction alone does not tell them apart: the JIT raises a throughput but lowers a
     * time per operation, and other work on a shared machine moves either way.
     */
    public static String advice() {
        return "if it is the JIT's climb, warm up longer (-wi N -w 1s, e.g. -wi 10) until successive iterations "
                + "agree; if other work on the machine came or went, re-run when it is quiet";
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double variance(List<Double> values) {
        if (values.size() < 2) {
            return 0;
        }
        double mean = mean(values);
        return values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (values.size() - 1);
    }
}
