package dev.queuebench.gateway;

/**
 * TEST-ONLY: known regressions the reference gateway can be told to carry, so that the regression
 * gate's detection rate can be measured (README, "Regression gate"). Never set in production use.
 *
 * @param statusDelayMillis  a fixed sleep added to every status request, on the worker thread
 * @param statusKeysScan     an extra {@code KEYS stream:event:{evt}:user:*} per status request: an O(N)
 *                           command over every user of the event, like the historical KEYS-based position
 */
public record InjectedRegressions(long statusDelayMillis, boolean statusKeysScan) {
    public InjectedRegressions {
        if (statusDelayMillis < 0) {
            throw new IllegalArgumentException("statusDelayMillis must be >= 0, was " + statusDelayMillis);
        }
    }

    public static InjectedRegressions none() {
        return new InjectedRegressions(0, false);
    }

    public boolean any() {
        return statusDelayMillis > 0 || statusKeysScan;
    }

    @Override
    public String toString() {
        return "statusDelayMillis=" + statusDelayMillis + ", statusKeysScan=" + statusKeysScan;
    }
}
