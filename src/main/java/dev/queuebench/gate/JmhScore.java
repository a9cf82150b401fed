package dev.queuebench.gate;

/**
 * One JMH result: a benchmark with its mode and parameters, the score and its confidence interval
 * (JMH's {@code scoreConfidence}, 99.9% by default).
 */
public record JmhScore(String key, String benchmark, String mode, double score, double low, double high, String unit) {
    /** Throughput modes: higher is better; time modes (avgt, sample, ss): lower is better. */
    public boolean higherIsBetter() {
        return "thrpt".equals(mode);
    }
}
