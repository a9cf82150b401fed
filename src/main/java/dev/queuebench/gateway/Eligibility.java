package dev.queuebench.gateway;

/**
 * Who may enter: a position (1-based rank in {@code queue:event:{evt}}) within the first 100, and a
 * minimum wait that grows with the position: 0 s for positions 1-10, 2 s for 11-50, 5 s for 51-100.
 * The minimum wait keeps a burst of joiners from all entering in the same second.
 */
public final class Eligibility {
    private final int eligibleMaxPosition;

    public Eligibility(int eligibleMaxPosition) {
        this.eligibleMaxPosition = eligibleMaxPosition;
    }

    public boolean isReady(long position, long waitedMillis) {
        if (position < 1 || position > eligibleMaxPosition) {
            return false;
        }
        return waitedMillis >= minimumWaitMillis(position);
    }

    /** The minimum wait for a position: 0, 2,000 or 5,000 ms. */
    static long minimumWaitMillis(long position) {
        if (position <= 10) {
            return 0;
        }
        if (position <= 50) {
            return 2_000;
        }
        return 5_000;
    }
}
