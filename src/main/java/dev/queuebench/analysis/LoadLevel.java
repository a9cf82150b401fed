package dev.queuebench.analysis;

/**
 * A load level the knee is looked for in: a hold step, or (for profiles with fewer than two holds)
 * the measured seconds whose achieved rate falls in one band.
 *
 * @param achievedRps mean achieved total rate over the level's seconds
 * @param latency     all requests of the level, merged histograms
 */
public record LoadLevel(String name, long seconds, double achievedRps, LatencyStats latency, long ok, long ko) {
    public double errorRatePct() {
        return ok + ko == 0 ? 0 : 100.0 * ko / (ok + ko);
    }
}
