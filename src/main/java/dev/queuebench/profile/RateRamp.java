package dev.queuebench.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One linear stretch of a rate per second: from {@code fromPerSec} to {@code toPerSec} over
 * {@code durationSec}. What is counted (requests, users) is named by the list that holds the ramps:
 * a profile's request plan, a fixed Gatling injection.
 *
 * <p>The text form, used by the simulation's {@code qb.requestRate} and {@code qb.injection}
 * properties ({@link SimulationProperty}): {@code durationSec:fromPerSec:toPerSec} ramps joined by
 * {@code ;}, e.g. {@code 10:0.0000:10.0000;20:50.0000:50.0000}.
 */
public record RateRamp(int durationSec, double fromPerSec, double toPerSec) {
    public RateRamp {
        if (durationSec < 0) {
            throw new IllegalArgumentException("durationSec must be >= 0, was " + durationSec);
        }
        if (fromPerSec < 0 || toPerSec < 0) {
            throw new IllegalArgumentException("rates must be >= 0, were " + fromPerSec + " and " + toPerSec);
        }
    }

    /** True when the ramp plans nothing at all. */
    public boolean isIdle() {
        return fromPerSec == 0 && toPerSec == 0;
    }

    /** The rate {@code secondsIn} seconds into the ramp (linear interpolation). */
    public double perSecAt(double secondsIn) {
        return fromPerSec + (toPerSec - fromPerSec) * Math.min(1, Math.max(0, secondsIn / durationSec));
    }

    /** The text form of a list of ramps, as the simulation's properties carry it. */
    public static String format(List<RateRamp> ramps) {
        StringBuilder spec = new StringBuilder();
        for (RateRamp ramp : ramps) {
            if (spec.length() > 0) {
                spec.append(';');
            }
            spec.append(ramp.durationSec).append(':').append(String.format(Locale.ROOT, "%.4f", ramp.fromPerSec))
                    .append(':').append(String.format(Locale.ROOT, "%.4f", ramp.toPerSec));
        }
        return spec.toString();
    }

    /**
     * Parses the text form.
     *
     * @param property the property the text came from, named in the error
     */
    public static List<RateRamp> parse(String spec, String property) {
        List<RateRamp> ramps = new ArrayList<>();
        for (String part : spec.split(";")) {
            String[] fields = part.trim().split(":");
            if (fields.length != 3) {
                throw new IllegalArgumentException(property + " step '" + part
                        + "' must be durationSec:fromPerSec:toPerSec");
            }
            try {
                ramps.add(new RateRamp(Integer.parseInt(fields[0]), Double.parseDouble(fields[1]),
                        Double.parseDouble(fields[2])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(property + " step '" + part + "' has a field that is not a number");
            }
        }
        return ramps;
    }
}
