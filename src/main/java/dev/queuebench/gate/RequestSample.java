package dev.queuebench.gate;

/**
 * The requests of one kind behind a percentile in one step of one run, and how long that step
 * lasted: enough to say at what rate that kind came and how long a step must last to give more.
 *
 * @param requests    requests of that kind in the step
 * @param durationSec the step's length in seconds ({@code measured}: all ramps and holds together)
 * @param hold        whether the step is a hold, so that {@code run --hold-sec} lengthens it
 */
public record RequestSample(long requests, long durationSec, boolean hold) {
    /** Requests of that kind per second of the step; NaN for a step without length. */
    public double perSec() {
        return durationSec <= 0 ? Double.NaN : (double) requests / durationSec;
    }

    /** Seconds of the step that would give {@code needed} requests at this rate; -1 if the rate is unknown or 0. */
    public long secondsFor(long needed) {
        double perSec = perSec();
        return Double.isNaN(perSec) || perSec <= 0 ? -1 : (long) Math.ceil(needed / perSec);
    }
}
