package dev.queuebench.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * A named load: its phases (total request rates over time), the journey that turns them into user
 * arrivals, for climbing profiles a rule to stop at, and whether arrivals are a Poisson process
 * (random gaps, as real users arrive) or evenly spaced (a deterministic check, such as CI's smoke
 * run, where the delivered rate must match the plan closely). Immutable; the {@code with…} methods
 * apply the command line's overrides.
 */
public record LoadProfile(String name, String description, List<Phase> phases, JourneyShape journey,
        StopRule stopRule, boolean poissonArrivals, ClientBehaviour clients) {
    public LoadProfile {
        phases = List.copyOf(phases);
        clients = clients == null ? ClientBehaviour.defaults() : clients;
        if (phases.isEmpty()) {
            throw new IllegalArgumentException("profile '" + name + "' has no phases");
        }
    }

    /** A profile whose clients behave as {@link ClientBehaviour#defaults()}. */
    public LoadProfile(String name, String description, List<Phase> phases, JourneyShape journey, StopRule stopRule,
            boolean poissonArrivals) {
        this(name, description, phases, journey, stopRule, poissonArrivals, null);
    }

    public int durationSec() {
        return phases.stream().mapToInt(Phase::durationSec).sum();
    }

    public double peakRps() {
        return phases.stream().mapToDouble(phase -> Math.max(phase.fromRps(), phase.toRps())).max().orElse(0);
    }

    /** Multiplies every rate by {@code factor}, for a smaller (or bigger) machine. */
    public LoadProfile scaled(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("--scale must be > 0, was " + factor);
        }
        List<Phase> scaled = new ArrayList<>();
        for (Phase phase : phases) {
            scaled.add(phase.scaled(factor));
        }
        return new LoadProfile(name, description, scaled, journey, stopRule, poissonArrivals, clients);
    }

    /** Sets the duration of every hold phase. */
    public LoadProfile withHoldSec(int seconds) {
        return withDurations(seconds, true);
    }

    /** Sets the duration of every ramp phase (not warm-up). */
    public LoadProfile withRampSec(int seconds) {
        return withDurations(seconds, false);
    }

    public LoadProfile withWarmupSec(int seconds) {
        List<Phase> changed = new ArrayList<>();
        for (Phase phase : phases) {
            changed.add(phase.warmup() ? phase.withDurationSec(seconds) : phase);
        }
        return new LoadProfile(name, description, changed, journey, stopRule, poissonArrivals, clients);
    }

    public LoadProfile withJourney(JourneyShape newJourney) {
        return new LoadProfile(name, description, phases, newJourney, stopRule, poissonArrivals, clients);
    }

    public LoadProfile withClients(ClientBehaviour newClients) {
        return new LoadProfile(name, description, phases, journey, stopRule, poissonArrivals, newClients);
    }

    public LoadProfile withStopRule(StopRule newRule) {
        return new LoadProfile(name, description, phases, journey, newRule, poissonArrivals, clients);
    }

    public LoadProfile withPoissonArrivals(boolean poisson) {
        return new LoadProfile(name, description, phases, journey, stopRule, poisson, clients);
    }

    private LoadProfile withDurations(int seconds, boolean holds) {
        List<Phase> changed = new ArrayList<>();
        for (Phase phase : phases) {
            boolean matches = !phase.warmup() && phase.isHold() == holds;
            changed.add(matches ? phase.withDurationSec(seconds) : phase);
        }
        return new LoadProfile(name, description, changed, journey, stopRule, poissonArrivals, clients);
    }
}
