package dev.queuebench.load;

import dev.queuebench.profile.LoadProfile;
import dev.queuebench.profile.Phase;
import dev.queuebench.profile.RateRamp;
import dev.queuebench.profile.SimulationProperty;

/**
 * A profile made concrete for the run: the profile's phases are total request rates, which the
 * simulation's arrival control turns into journeys second by second, because requests per journey
 * depend on how soon the target admits users. This class answers the harness's questions about the
 * plan: which phase a second is in, what request rate it intends, how long injection lasts.
 */
public final class InjectionPlan {
    private final LoadProfile profile;

    public InjectionPlan(LoadProfile profile) {
        this.profile = profile;
    }

    public LoadProfile profile() {
        return profile;
    }

    /** Injection length; the run lasts up to a journey's lifetime longer while the last users finish. */
    public int injectionSec() {
        return profile.durationSec();
    }

    /**
     * Seconds from the start to the end of the last phase that plans any request: a plan whose last
     * phase plans none (ticket-open's quiet minute) starts no journey in it.
     */
    public int lastInjectionSec() {
        int sec = 0;
        int last = 0;
        for (Phase phase : profile.phases()) {
            sec += phase.durationSec();
            if (phase.fromRps() > 0 || phase.toRps() > 0) {
                last = sec;
            }
        }
        return last;
    }

    /** Injection plus the time the last users need to finish their journeys. */
    public int expectedRunSec() {
        return injectionSec() + profile.journey().lifetimeSec();
    }

    /** Intended total requests per second in the second that starts {@code second} seconds after the start. */
    public double intendedRps(int second) {
        Phase phase = phaseAt(second);
        return phase == null ? 0 : phase.rpsAt(second + 0.5 - phaseStartSec(phase));
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

    /** The {@link SimulationProperty#REQUEST_RATE} value: the planned total requests per second. */
    public String gatlingRequestRate() {
        return RateRamp.format(profile.phases().stream().map(Phase::requestsPerSec).toList());
    }
}
