package dev.queuebench.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * TEST-ONLY: known regressions and integrity faults the reference gateway can be told to carry, so
 * that the regression gate's and the integrity audit's detection rates can be measured (docs/gate.md,
 * docs/integrity.md). Never set in production use.
 *
 * @param statusDelayMillis  a fixed sleep added to every status request, on the worker thread
 * @param statusKeysScan     an extra {@code KEYS stream:event:{evt}:user:*} per status request: an O(N)
 *                           command over every user of the event, like the historical KEYS-based position
 * @param dropPositionWritesFraction this fraction of joins leave out the {@code position_index} ZADD
 *                           (a lost write): the user's status answers 404 and everyone behind is shown
 *                           a position too small
 * @param racyEnter          enter without its claim (the ZREM that only one request can win), so two
 *                           enters of one token at the same moment can both be granted
 * @param randomOrder        readiness and enter ignore the rank and the minimum wait: whoever polls first
 *                           gets in, in no particular order
 * @param etaFactor          every {@code eta_sec} multiplied by this (1: as computed)
 * @param stalePositions     status answers the position stored at join (the queue data's {@code position})
 *                           instead of the live rank: the classic stale-position bug
 */
public record InjectedRegressions(long statusDelayMillis, boolean statusKeysScan, double dropPositionWritesFraction,
        boolean racyEnter, boolean randomOrder, double etaFactor, boolean stalePositions) {
    public InjectedRegressions {
        if (statusDelayMillis < 0) {
            throw new IllegalArgumentException("statusDelayMillis must be >= 0, was " + statusDelayMillis);
        }
        if (!(dropPositionWritesFraction >= 0 && dropPositionWritesFraction <= 1)) {
            throw new IllegalArgumentException("the fraction of dropped position writes must be between 0 and 1, was "
                    + dropPositionWritesFraction);
        }
        if (!(etaFactor > 0 && etaFactor <= 1000)) {
            throw new IllegalArgumentException("the ETA factor must be > 0 and <= 1000, was " + etaFactor);
        }
    }

    /** Only the gate's latency regressions. */
    public InjectedRegressions(long statusDelayMillis, boolean statusKeysScan) {
        this(statusDelayMillis, statusKeysScan, 0, false, false, 1, false);
    }

    public static InjectedRegressions none() {
        return new InjectedRegressions(0, false);
    }

    public boolean any() {
        return statusDelayMillis > 0 || statusKeysScan || dropPositionWritesFraction > 0 || racyEnter || randomOrder
                || etaFactor != 1 || stalePositions;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add("statusDelayMillis=" + statusDelayMillis);
        parts.add("statusKeysScan=" + statusKeysScan);
        if (dropPositionWritesFraction > 0) {
            parts.add(String.format(Locale.ROOT, "dropPositionWritesFraction=%.3f", dropPositionWritesFraction));
        }
        if (racyEnter) {
            parts.add("racyEnter=true");
        }
        if (randomOrder) {
            parts.add("randomOrder=true");
        }
        if (etaFactor != 1) {
            parts.add(String.format(Locale.ROOT, "etaFactor=%.2f", etaFactor));
        }
        if (stalePositions) {
            parts.add("stalePositions=true");
        }
        return String.join(", ", parts);
    }
}
