package dev.queuebench.gateway;

/**
 * Estimated wait from the admission rates over the last 1, 5 and 15 minutes (counts from
 * {@code ZCOUNT metrics:admission:<evt>}). Recent minutes weigh most, so the ETA reacts to a
 * change in admission speed without jumping on one quiet minute. With no admissions yet, the
 * admission bucket's refill rate is the best guess of the rate to come.
 */
public final class EtaEstimator {
    static final int[] WINDOWS_SEC = {60, 300, 900};
    private static final double[] WEIGHTS = {0.5, 0.3, 0.2};

    private final double fallbackAdmissionsPerSec;

    public EtaEstimator(double fallbackAdmissionsPerSec) {
        if (fallbackAdmissionsPerSec <= 0) {
            throw new IllegalArgumentException("fallbackAdmissionsPerSec must be > 0, was " + fallbackAdmissionsPerSec);
        }
        this.fallbackAdmissionsPerSec = fallbackAdmissionsPerSec;
    }

    /**
     * @param position          1-based position in the queue
     * @param admissionsPerWindow admissions counted in the 1, 5 and 15-minute windows, in that order
     * @return the estimated wait in whole seconds, rounded up; 0 at the head of the queue
     */
    public long etaSec(long position, long[] admissionsPerWindow) {
        if (admissionsPerWindow.length != WINDOWS_SEC.length) {
            throw new IllegalArgumentException("expected " + WINDOWS_SEC.length + " window counts, got "
                    + admissionsPerWindow.length);
        }
        if (position <= 1) {
            return 0;
        }
        double ratePerSec = 0;
        for (int i = 0; i < WINDOWS_SEC.length; i++) {
            ratePerSec += WEIGHTS[i] * admissionsPerWindow[i] / WINDOWS_SEC[i];
        }
        if (ratePerSec <= 0) {
            ratePerSec = fallbackAdmissionsPerSec;
        }
        return (long) Math.ceil((position - 1) / ratePerSec);
    }
}
