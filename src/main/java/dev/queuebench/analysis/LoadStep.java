package dev.queuebench.analysis;

/**
 * One load step of a run on the wall clock: a profile phase, or the drain after the last phase
 * (users still finishing their journeys). Covers the seconds {@code [startEpochSec, endEpochSec)}.
 *
 * @param fromRps planned total requests per second at the start (0 for the drain)
 * @param toRps   planned total requests per second at the end
 */
public record LoadStep(String name, StepKind kind, long startEpochSec, long endEpochSec, double fromRps,
        double toRps) {

    public boolean contains(long epochSec) {
        return epochSec >= startEpochSec && epochSec < endEpochSec;
    }

    public boolean measured() {
        return kind == StepKind.RAMP || kind == StepKind.HOLD;
    }

    public long durationSec() {
        return endEpochSec - startEpochSec;
    }
}
