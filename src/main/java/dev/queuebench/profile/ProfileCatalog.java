package dev.queuebench.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The named profiles. Rates are total requests per second across endpoints, at {@code --scale 1}.
 *
 * <ul>
 *   <li>{@code smoke}: 10 s warm-up to 10 req/s, 5 s ramp to 50 req/s, 50 s hold. A laptop or CI:
 *       the hold is long enough for the gate to judge the p99 of each request kind, which needs 500
 *       requests of that kind (enter, the rarest, comes at about 11.5 a second).</li>
 *   <li>{@code baseline-10k}: 30 s warm-up to 1k, 60 s ramp to 10k, 300 s hold. The team's load
 *       today (a cache.t3.micro ran it at 54% CPU).</li>
 *   <li>{@code target-30k}: warm-up, then 10k, 20k and 30k, each reached by a 30 s ramp and held
 *       120 s, so each level can be reported on its own.</li>
 *   <li>{@code stairs}: warm-up, then steps of 2k from 2k to 40k (10 s ramp, 60 s hold each),
 *       stopping after the first step whose p99 is over 500 ms or whose errors are over 1%.</li>
 *   <li>{@code ticket-open}: the on-sale moment: 10 s warm-up to 500, a 5 s spike to 20k held for
 *       30 s, then no new arrivals for 60 s while those users keep polling (30 polls each).</li>
 * </ul>
 * Journeys poll every 2 s; 20% leave at the end, 10% abandon half-way. Arrivals are a Poisson
 * process except in {@code smoke}, whose evenly spaced arrivals make it a deterministic check. The
 * warm-ups of smoke, baseline-10k, target-30k and stairs last at least a journey's lifetime, so the
 * arrival control has learned the target's journeys before the measured phases; ticket-open's users
 * mostly queue far beyond the admitted ranks, which is the journey its model already describes.
 */
public final class ProfileCatalog {
    private static final Map<String, Supplier<LoadProfile>> PROFILES = new LinkedHashMap<>();

    static {
        PROFILES.put("smoke", ProfileCatalog::smoke);
        PROFILES.put("baseline-10k", ProfileCatalog::baseline10k);
        PROFILES.put("target-30k", ProfileCatalog::target30k);
        PROFILES.put("stairs", ProfileCatalog::stairs);
        PROFILES.put("ticket-open", ProfileCatalog::ticketOpen);
    }

    private ProfileCatalog() {
    }

    public static List<String> names() {
        return List.copyOf(PROFILES.keySet());
    }

    public static LoadProfile named(String name) {
        Supplier<LoadProfile> profile = PROFILES.get(name);
        if (profile == null) {
            throw new IllegalArgumentException("unknown profile '" + name + "'; choose one of " + names());
        }
        return profile.get();
    }

    private static JourneyShape journey(int pollsPerUser) {
        return new JourneyShape(pollsPerUser, 2_000, 0.2, 0.1, 1);
    }

    static LoadProfile smoke() {
        return new LoadProfile("smoke", "small and short, for a laptop and CI", List.of(
                new Phase("warmup", 10, 0, 10, true),
                new Phase("ramp-1", 5, 10, 50, false),
                new Phase("hold-50", 50, 50, 50, false)), journey(5), null, false);
    }

    static LoadProfile baseline10k() {
        return new LoadProfile("baseline-10k", "ramp to 10k requests/s, then hold", List.of(
                new Phase("warmup", 30, 0, 1_000, true),
                new Phase("ramp-1", 60, 1_000, 10_000, false),
                new Phase("hold-10000", 300, 10_000, 10_000, false)), journey(10), null, true);
    }

    static LoadProfile target30k() {
        return new LoadProfile("target-30k", "10k, 20k, 30k requests/s, each held", List.of(
                new Phase("warmup", 30, 0, 1_000, true),
                new Phase("ramp-1", 30, 1_000, 10_000, false),
                new Phase("hold-10000", 120, 10_000, 10_000, false),
                new Phase("ramp-2", 30, 10_000, 20_000, false),
                new Phase("hold-20000", 120, 20_000, 20_000, false),
                new Phase("ramp-3", 30, 20_000, 30_000, false),
                new Phase("hold-30000", 120, 30_000, 30_000, false)), journey(10), null, true);
    }

    static LoadProfile stairs() {
        List<Phase> phases = new ArrayList<>();
        phases.add(new Phase("warmup", 30, 0, 1_000, true));
        double previous = 1_000;
        int step = 1;
        for (int rps = 2_000; rps <= 40_000; rps += 2_000) {
            phases.add(new Phase("ramp-" + step, 10, previous, rps, false));
            phases.add(new Phase("hold-" + rps, 60, rps, rps, false));
            previous = rps;
            step++;
        }
        return new LoadProfile("stairs", "equal steps until p99 or errors break the limit", phases, journey(10),
                new StopRule(500, 1), true);
    }

    static LoadProfile ticketOpen() {
        return new LoadProfile("ticket-open", "a join storm at on-sale, then the polling that follows", List.of(
                new Phase("warmup", 10, 0, 500, true),
                new Phase("spike", 5, 500, 20_000, false),
                new Phase("hold-20000", 30, 20_000, 20_000, false),
                new Phase("polling", 60, 0, 0, false)), journey(30), null, true);
    }
}
