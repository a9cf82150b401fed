package dev.queuebench.analysis;

/** What a stretch of a run was for. Only ramps and holds are measured; the rest is context. */
public enum StepKind {
    WARMUP, RAMP, HOLD, DRAIN;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
