package dev.queuebench.load;

import dev.queuebench.profile.JourneyShape;
import dev.queuebench.profile.LoadProfile;
import dev.queuebench.profile.Phase;
import dev.queuebench.profile.RateRamp;
import dev.queuebench.profile.SimulationProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * A profile made concrete for Gatling. The profile's phases are total request rates; the simulation's
 * arrival control turns them into journeys on the run itself, because requests per journey depend on
 * how soon the target admits users. Gatling injects candidate users at a ceiling rate, fixed at start
 * as an open model needs: per phase, the highest request rate of the phase and of the phases that
 * start within a journey's lifetime after it (the control leads the plan by the journeys' request
 * delay), ÷ the fewest requests a journey can send ({@link JourneyShape#fewestRequestsPerUser()}),
 * with {@link #HEADROOM}. A phase that plans no requests injects nobody.
 * The intended request rate of each second is the phase's planned rate.
 */
public final class InjectionPlan {
    /** Room above the shortest journeys' arrival rate, for ramps led by the journeys' request delay. */
    static final double HEADROOM = 1.25;

    /** One Gatling open-injection step of a phase (a phase has one or two): its ceiling of candidate users. */
    public record Step(String phase, RateRamp candidatesPerSec) {
        Step(String phase, int durationSec, double fromCandidatesPerSec, double toCandidatesPerSec) {
            this(phase, new RateRamp(durationSec, fromCandidatesPerSec, toCandidatesPerSec));
        }
    }

    private final LoadProfile profile;
    private final List<Step> steps;

    public InjectionPlan(LoadProfile profile) {
        this(profile, profile.journey().fewestRequestsPerUser());
    }

    /**
     * @param shortestJourneyRequests the fewest requests a user is expected to send: the ceiling is the
     *                                planned rate × {@link #HEADROOM} ÷ this
     */
    public InjectionPlan(LoadProfile profile, double shortestJourneyRequests) {
        this.profile = profile;
        double candidatesPerRequestPerSec = HEADROOM / shortestJourneyRequests;
        int leadSec = profile.journey().lifetimeSec();
        List<Phase> phases = profile.phases();
        List<Step> built = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            if (phase.fromRps() == 0 && phase.toRps() == 0) {
                built.add(new Step(phase.name(), phase.durationSec(), 0, 0));
                continue;
            }
            // The control plans arrivals for the rate up to a journey's lifetime ahead (requests trail their
            // arrivals), so a phase's last lifetime gets the peaks of the phases starting within that lifetime.
            double ownPeakRps = Math.max(phase.fromRps(), phase.toRps());
            double aheadPeakRps = ownPeakRps;
            int aheadSec = 0;
            for (int j = i + 1; j < phases.size() && aheadSec < leadSec; j++) {
                aheadPeakRps = Math.max(aheadPeakRps, Math.max(phases.get(j).fromRps(), phases.get(j).toRps()));
                aheadSec += phases.get(j).durationSec();
            }
            int ownSec = Math.max(0, phase.durationSec() - leadSec);
            if (ownSec > 0 && aheadPeakRps > ownPeakRps) {
                built.add(new Step(phase.name(), ownSec, ownPeakRps * candidatesPerRequestPerSec, ownPeakRps * candidatesPerRequestPerSec));
                built.add(new Step(phase.name(), phase.durationSec() - ownSec, aheadPeakRps * candidatesPerRequestPerSec,
                        aheadPeakRps * candidatesPerRequestPerSec));
            } else {
                built.add(new Step(phase.name(), phase.durationSec(), aheadPeakRps * candidatesPerRequestPerSec,
                        aheadPeakRps * candidatesPerRequestPerSec));
            }
        }
        this.steps = List.copyOf(built);
    }

    public LoadProfile profile() {
        return profile;
    }

    /** The ceiling of candidate arrivals, step by step. */
    public List<Step> steps() {
        return steps;
    }

    /** Injection length; the run lasts up to a journey's lifetime longer while the last users finish. */
    public int injectionSec() {
        return profile.durationSec();
    }

    /**
     * Seconds from the start to the end of the last step that injects any candidate: a plan whose
     * last phase starts no one (ticket-open's quiet minute) injects no user after it.
     */
    public int lastInjectionSec() {
        int sec = 0;
        int last = 0;
        for (Step step : steps) {
            sec += step.candidatesPerSec().durationSec();
            if (step.candidatesPerSec().fromPerSec() > 0 || step.candidatesPerSec().toPerSec() > 0) {
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

    /** Candidate users Gatling injects per second in the second that starts {@code second} seconds after the start. */
    public double candidatesPerSec(int second) {
        double offsetSec = second + 0.5;
        for (Step step : steps) {
            RateRamp ramp = step.candidatesPerSec();
            if (offsetSec < ramp.durationSec()) {
                return ramp.perSecAt(offsetSec);
            }
            offsetSec -= ramp.durationSec();
        }
        return 0;
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

    /** The {@link SimulationProperty#INJECTION} value: the ceiling of candidate arrivals. */
    public String gatlingInjection() {
        return RateRamp.format(steps.stream().map(Step::candidatesPerSec).toList());
    }

    /** The {@link SimulationProperty#REQUEST_RATE} value: the planned total requests per second. */
    public String gatlingRequestRate() {
        return RateRamp.format(profile.phases().stream().map(Phase::requestsPerSec).toList());
    }
}
