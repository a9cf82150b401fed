package dev.queuebench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A profile made concrete for Gatling: user arrival rates per phase (request rate ÷ the journey's
 * requests per user) and, per second of the run, the request rate the load intends, which is the
 * arrivals convolved with when each user sends its requests. The intended rate therefore lags the
 * arrivals by a journey's lifetime during ramps, as real traffic does.
 */
public final class InjectionPlan {
    /** One Gatling open-injection step, in users per second. */
    public record Step(String phase, int durationSec, double fromUsersPerSec, double toUsersPerSec) {
    }

    private final LoadProfile profile;
    private final List<Step> steps;
    private final double[] intendedRpsBySecond;
    private final double[] intendedUsersPerSecBySecond;

    public InjectionPlan(LoadProfile profile) {
        this.profile = profile;
        double requestsPerUser = profile.journey().requestsPerUser();
        List<Step> built = new ArrayList<>();
        for (Phase phase : profile.phases()) {
            built.add(new Step(phase.name(), phase.durationSec(), phase.fromRps() / requestsPerUser,
                    phase.toRps() / requestsPerUser));
        }
        this.steps = List.copyOf(built);
        this.intendedUsersPerSecBySecond = arrivalsBySecond(built);
        this.intendedRpsBySecond = convolve(intendedUsersPerSecBySecond, profile.journey().requestWeightsBySecond());
    }

    public LoadProfile profile() {
        return profile;
    }

    public List<Step> steps() {
        return steps;
    }

    /** Injection length; the run lasts up to a journey's lifetime longer while the last users finish. */
    public int injectionSec() {
        return profile.durationSec();
    }

    /** Injection plus the time the last users need to finish their journeys. */
    public int expectedRunSec() {
        return intendedRpsBySecond.length;
    }

    /** Intended total requests per second, {@code second} seconds after the start. */
    public double intendedRps(int second) {
        return second >= 0 && second < intendedRpsBySecond.length ? intendedRpsBySecond[second] : 0;
    }

    /** Intended user arrivals per second, {@code second} seconds after the start. */
    public double intendedUsersPerSec(int second) {
        return second >= 0 && second < intendedUsersPerSecBySecond.length ? intendedUsersPerSecBySecond[second] : 0;
    }

    /** The phase a second belongs to, or null after the injection. */
    public Phase phaseAt(int second) {
        int start = 0;
        for (Phase phase : profile.phases()) {
            if (second < start + phase.durationSec()) {
                return second >= start ? phase : null;
            }
            start += phase.durationSec();
        }
        return null;
    }

    /** Start of a phase in seconds after the run's start. */
    public int phaseStartSec(Phase target) {
        int start = 0;
        for (Phase phase : profile.phases()) {
            if (phase == target) {
                return start;
            }
            start += phase.durationSec();
        }
        throw new IllegalArgumentException("phase " + target.name() + " is not in this plan");
    }

    /** The {@code qb.injection} value for the simulation: {@code durationSec:from:to} steps joined by {@code ;}. */
    public String gatlingInjection() {
        StringBuilder spec = new StringBuilder();
        for (Step step : steps) {
            if (spec.length() > 0) {
                spec.append(';');
            }
            spec.append(step.durationSec()).append(':').append(format(step.fromUsersPerSec())).append(':')
                    .append(format(step.toUsersPerSec()));
        }
        return spec.toString();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** Mean arrival rate in each whole second (a ramp's second gets its midpoint rate). */
    private static double[] arrivalsBySecond(List<Step> steps) {
        int total = steps.stream().mapToInt(Step::durationSec).sum();
        double[] arrivals = new double[total];
        int second = 0;
        for (Step step : steps) {
            for (int i = 0; i < step.durationSec(); i++) {
                double fraction = (i + 0.5) / step.durationSec();
                arrivals[second++] = step.fromUsersPerSec() + (step.toUsersPerSec() - step.fromUsersPerSec()) * fraction;
            }
        }
        return arrivals;
    }

    private static double[] convolve(double[] arrivals, double[] kernel) {
        double[] result = new double[arrivals.length + kernel.length - 1];
        for (int t = 0; t < arrivals.length; t++) {
            if (arrivals[t] == 0) {
                continue;
            }
            for (int k = 0; k < kernel.length; k++) {
                result[t + k] += arrivals[t] * kernel[k];
            }
        }
        return result;
    }
}
