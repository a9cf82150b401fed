package dev.queuebench.analysis;

import dev.queuebench.profile.Phase;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays the profile's phases on the wall clock from the moment injection started (the
 * {@code StartTime} of {@code latency.hlog}, which is Gatling's start), and answers which step a
 * second belongs to and what rate was planned for it. A second belongs to the phase that holds
 * its middle; seconds after the last phase form the {@code drain} step.
 */
public final class LoadTimeline {
    private final List<LoadStep> steps;
    private final List<Phase> phases;
    private final double injectionStartSec;

    public LoadTimeline(List<Phase> phases, double injectionStartSec, long lastDataEpochSec) {
        this.phases = List.copyOf(phases);
        this.injectionStartSec = injectionStartSec;
        List<LoadStep> built = new ArrayList<>();
        double phaseStartSec = injectionStartSec;
        for (Phase phase : phases) {
            double phaseEndSec = phaseStartSec + phase.durationSec();
            StepKind kind = phase.warmup() ? StepKind.WARMUP : phase.fromRps() == phase.toRps() ? StepKind.HOLD
                    : StepKind.RAMP;
            built.add(new LoadStep(phase.name(), kind, firstSecondFrom(phaseStartSec), firstSecondFrom(phaseEndSec),
                    phase.fromRps(), phase.toRps()));
            phaseStartSec = phaseEndSec;
        }
        long drainStart = firstSecondFrom(phaseStartSec);
        if (lastDataEpochSec >= drainStart) {
            built.add(new LoadStep("drain", StepKind.DRAIN, drainStart, lastDataEpochSec + 1, 0, 0));
        }
        this.steps = List.copyOf(built);
    }

    /** The first whole second whose middle lies at or after {@code sec}. */
    private static long firstSecondFrom(double sec) {
        return (long) Math.ceil(sec - 0.5);
    }

    public List<LoadStep> steps() {
        return steps;
    }

    public LoadStep stepAt(long epochSec) {
        for (LoadStep step : steps) {
            if (step.contains(epochSec)) {
                return step;
            }
        }
        return null;
    }

    /** The planned total request rate in the second {@code epochSec} (0 outside the phases). */
    public double intendedRps(long epochSec) {
        double offsetSec = epochSec + 0.5 - injectionStartSec;
        for (Phase phase : phases) {
            if (offsetSec >= 0 && offsetSec < phase.durationSec()) {
                return phase.rpsAt(offsetSec);
            }
            offsetSec -= phase.durationSec();
        }
        return 0;
    }
}
