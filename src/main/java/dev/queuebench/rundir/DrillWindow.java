package dev.queuebench.rundir;

/**
 * When a drill acted: from its start until it was done (or failed). Failures that begin in it or within
 * {@link OutageRule#DRILL_ONSET_SEC} s after it are the drill's doing, so a slow drill (a failover that
 * takes its provider half a minute) explains its outage as a quick one does.
 */
public record DrillWindow(long startEpochMs, long endEpochMs) {
    public DrillWindow {
        if (endEpochMs < startEpochMs) {
            throw new IllegalArgumentException("a drill ends after it starts: " + startEpochMs + " > " + endEpochMs);
        }
    }

    /** Whether failures beginning in this second are the drill's doing. */
    public boolean explains(long epochSec) {
        return epochSec >= Math.floorDiv(startEpochMs, 1000L)
                && epochSec <= Math.floorDiv(endEpochMs, 1000L) + OutageRule.DRILL_ONSET_SEC;
    }

    /** The first second after the drill's own: the drill and the {@link OutageRule#DRILL_ONSET_SEC} s after it end before it. */
    public long disturbedUntilSec() {
        return Math.floorDiv(endEpochMs, 1000L) + OutageRule.DRILL_ONSET_SEC;
    }
}
