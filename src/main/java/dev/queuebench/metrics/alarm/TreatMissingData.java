package dev.queuebench.metrics.alarm;

import java.util.Arrays;
import java.util.Optional;

/**
 * put-metric-alarm's TreatMissingData. {@code breaching} and {@code notBreaching} count a missing period
 * as such; with {@code missing} and {@code ignore} missing periods are left out of the M-of-N count,
 * and a window where every period is missing sends the alarm to INSUFFICIENT_DATA ({@code missing}) or
 * leaves it as it was ({@code ignore}).
 */
public enum TreatMissingData {
    MISSING("missing"),
    NOT_BREACHING("notBreaching"),
    BREACHING("breaching"),
    IGNORE("ignore");

    private final String wireName;

    TreatMissingData(String wireName) {
        this.wireName = wireName;
    }

    /** The name put-metric-alarm uses. */
    public String wireName() {
        return wireName;
    }

    public static Optional<TreatMissingData> named(String name) {
        return Arrays.stream(values()).filter(treatment -> treatment.wireName.equals(name)).findFirst();
    }
}
