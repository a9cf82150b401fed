package dev.queuebench.rundir;

/**
 * What counts as an outage in a run's seconds, for the run that watches them live and for the analysis
 * that reads them afterwards: a second with at least {@value #MIN_REQUESTS} requests of which more than
 * half failed; such seconds up to {@value #BRIDGE_SEC} s apart are one outage; one that begins within
 * {@value #DRILL_ONSET_SEC} s of a drill is the drill's doing.
 */
public final class OutageRule {
    public static final double FAILED_SHARE = 0.5;
    public static final int MIN_REQUESTS = 5;
    public static final int BRIDGE_SEC = 2;
    public static final int DRILL_ONSET_SEC = 10;

    private OutageRule() {
    }

    /** Whether a second with these counts is an outage second. */
    public static boolean isOutageSecond(long failed, long sent) {
        return sent >= MIN_REQUESTS && failed > FAILED_SHARE * sent;
    }

    /** Whether a second {@code gapSec} after the last outage second continues that outage. */
    public static boolean continues(long gapSec) {
        return gapSec <= BRIDGE_SEC + 1;
    }
}
