package dev.queuebench.analysis.integrity;

/**
 * The gateway's own rules of who may enter (DESIGN: the real gateway's eligibility): a position
 * within the first {@code eligibleMaxPosition}, after a minimum wait that grows with the position
 * (0 s for 1-10, 2 s for 11-50, 5 s for 51-100). The audit calls an admission out of order only when
 * these rules could not have allowed it.
 */
record AdmissionRules(int eligibleMaxPosition) {
    static final AdmissionRules GATEWAY = new AdmissionRules(100);

    /** The least wait, in milliseconds, the rules ask of a user at {@code position}. */
    long minimumWaitMillis(long position) {
        if (position <= 10) {
            return 0;
        }
        if (position <= 50) {
            return 2_000;
        }
        return 5_000;
    }

    /** True when no user at {@code position} who had waited at most {@code waitedMillis} may enter. */
    boolean forbids(long position, long waitedMillis) {
        return position > eligibleMaxPosition || waitedMillis < minimumWaitMillis(position);
    }
}
