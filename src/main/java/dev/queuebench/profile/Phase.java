package dev.queuebench.profile;

/**
 * One stretch of a load profile: the total request rate ramps linearly from {@code fromRps} to
 * {@code toRps} over {@code durationSec}. A hold has equal rates. Warm-up phases exist to bring a
 * cold JVM and connection pools up to speed and are left out of the measured results.
 *
 * @param name        how the report labels it, e.g. {@code warmup}, {@code ramp-2}, {@code hold-20000}
 * @param durationSec length in seconds, at least 1
 * @param fromRps     total requests per second across endpoints at the start
 * @param toRps       total requests per second at the end
 * @param warmup      true for warm-up phases
 */
public record Phase(String name, int durationSec, double fromRps, double toRps, boolean warmup) {
    public Phase {
        if (durationSec < 1) {
            throw new IllegalArgumentException("phase '" + name + "': durationSec must be >= 1, was " + durationSec);
        }
        if (fromRps < 0 || toRps < 0) {
            throw new IllegalArgumentException("phase '" + name + "': rates must be >= 0");
        }
    }

    public boolean isHold() {
        return fromRps == toRps && !warmup;
    }

    /** The planned rate {@code secondsIn} seconds into this phase (linear interpolation). */
    public double rpsAt(double secondsIn) {
        return requestsPerSec().perSecAt(secondsIn);
    }

    /** The phase as a ramp of total requests per second. */
    public RateRamp requestsPerSec() {
        return new RateRamp(durationSec, fromRps, toRps);
    }

    Phase scaled(double factor) {
        return new Phase(name, durationSec, fromRps * factor, toRps * factor, warmup);
    }

    Phase withDurationSec(int seconds) {
        return new Phase(name, seconds, fromRps, toRps, warmup);
    }
}
