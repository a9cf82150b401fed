package dev.queuebench.load;

import dev.queuebench.profile.Phase;
import dev.queuebench.record.RunRecorder;
import dev.queuebench.rundir.ArrivalsCsv;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether the injector delivered the load it was asked for, and keeps per phase the
 * requests planned and sent. Gatling's open model starts each user at its scheduled time unless the
 * injector is starved, so users started against the arrival control's schedule ({@code arrivals.csv})
 * are the honest measure of the injector; how many journeys the control schedules, and so the request
 * rate, is its own doing and is reported (and gated) as delivered requests.
 *
 * <p>Saturated when any of these holds:
 * <ul>
 *   <li>in a measured (non-warm-up) phase, users started fall short of the users scheduled by more
 *       than {@code max(5%, 3√scheduled)} (three standard deviations of Poisson arrivals, so small runs
 *       do not trip on noise);</li>
 *   <li>a GC pause of the injector longer than 1 s (injection stalls for its length);</li>
 *   <li>the injector process used at least 95% of the machine's cores for 5 seconds in a row.</li>
 * </ul>
 */
public final class InjectorHealth {
    static final double SHORTFALL_FRACTION = 0.05;
    static final double MAX_GC_PAUSE_MILLIS = 1_000;
    static final double CPU_SATURATED_SHARE = 0.95;
    static final int CPU_SATURATED_SECONDS = 5;

    /**
     * Planned and achieved totals of one phase: requests, and users (every one a journey) the arrival
     * control scheduled and Gatling started. The JSON keeps the names {@code planned_candidates} and
     * {@code injected_candidates} from when users were candidates for a journey.
     */
    public record PhaseDelivery(String phase, double intendedRequests, long sentRequests, double plannedCandidates,
            long injectedCandidates) {
        public double requestRatio() {
            return intendedRequests == 0 ? 1 : sentRequests / intendedRequests;
        }

        public double candidateRatio() {
            return plannedCandidates == 0 ? 1 : injectedCandidates / plannedCandidates;
        }

        boolean shortOfCandidates() {
            double allowed = Math.max(SHORTFALL_FRACTION * plannedCandidates, 3 * Math.sqrt(plannedCandidates));
            return plannedCandidates - injectedCandidates > allowed;
        }
    }

    private final InjectionPlan plan;
    private final int cores;
    private final Path arrivalsCsv;
    private final Map<String, double[]> intendedByPhase = new LinkedHashMap<>();
    private final Map<String, long[]> achievedByPhase = new LinkedHashMap<>();
    private final Map<Integer, String> measuredPhaseByOffset = new HashMap<>();
    private int cpuSaturatedRun;
    private boolean cpuSaturated;
    private double maxCpuShare;
    private double cpuSec = -1;

    /** @param arrivalsCsv the simulation's schedule of users ({@link ArrivalsCsv}) */
    public InjectorHealth(InjectionPlan plan, int cores, Path arrivalsCsv) {
        this.plan = plan;
        this.cores = cores;
        this.arrivalsCsv = arrivalsCsv;
    }

    /** Accounts one second whose requests are all known, {@code offset} seconds into the plan. */
    public synchronized void onSecondClosed(RunRecorder.ClosedSecond second, int offset) {
        Phase phase = plan.phaseAt(offset);
        if (phase == null || phase.warmup()) {
            return;
        }
        double[] intended = intendedByPhase.computeIfAbsent(phase.name(), n -> new double[2]);
        long[] achieved = achievedByPhase.computeIfAbsent(phase.name(), n -> new long[2]);
        intended[0] += plan.intendedRps(offset);
        achieved[0] += second.requestsSent();
        achieved[1] += second.usersStarted();
        measuredPhaseByOffset.put(offset, phase.name());
    }

    /**
     * One CPU sample: the injector's CPU seconds so far, and those used during {@code wallSec} of wall
     * time; negative when they cannot be read.
     */
    public synchronized void onCpuSample(double totalCpuSec, double cpuSec, double wallSec, boolean measuredPhase) {
        if (totalCpuSec >= 0) {
            this.cpuSec = totalCpuSec;
        }
        if (wallSec <= 0 || cpuSec < 0) {
            return;
        }
        double share = cpuSec / wallSec / cores;
        maxCpuShare = Math.max(maxCpuShare, share);
        if (measuredPhase && share >= CPU_SATURATED_SHARE) {
            cpuSaturated |= ++cpuSaturatedRun >= CPU_SATURATED_SECONDS;
        } else {
            cpuSaturatedRun = 0;
        }
    }

    /** Per measured phase, requests intended and sent, users scheduled (read from the schedule now) and started. */
    public synchronized List<PhaseDelivery> deliveries() {
        Map<String, Long> scheduledByPhase = new HashMap<>();
        ArrivalsCsv.read(arrivalsCsv).forEach((offset, second) -> {
            String phase = measuredPhaseByOffset.get(offset);
            if (phase != null) {
                scheduledByPhase.merge(phase, second.scheduledJourneys(), Long::sum);
            }
        });
        List<PhaseDelivery> deliveries = new ArrayList<>();
        intendedByPhase.forEach((phase, intended) -> {
            long[] achieved = achievedByPhase.get(phase);
            deliveries.add(new PhaseDelivery(phase, intended[0], achieved[0], scheduledByPhase.getOrDefault(phase, 0L),
                    achieved[1]));
        });
        return deliveries;
    }

    public synchronized double maxCpuShare() {
        return maxCpuShare;
    }

    /** CPU seconds the injector's process used, as last read; negative when it could never be read. */
    public synchronized double cpuSec() {
        return cpuSec;
    }

    /** Why the injector was saturated, or null when it delivered. */
    public synchronized String saturationReason(double maxGcPauseMillis) {
        for (PhaseDelivery delivery : deliveries()) {
            if (delivery.shortOfCandidates()) {
                return String.format(java.util.Locale.ROOT,
                        "phase %s started %d users of %.0f scheduled (%.1f%%): the injector could not keep up",
                        delivery.phase(), delivery.injectedCandidates(), delivery.plannedCandidates(),
                        100 * delivery.candidateRatio());
            }
        }
        if (maxGcPauseMillis > MAX_GC_PAUSE_MILLIS) {
            return String.format(java.util.Locale.ROOT,
                    "the injector paused %.0f ms for GC: give it more heap (--injector-heap-mb)", maxGcPauseMillis);
        }
        if (cpuSaturated) {
            return "the injector used at least 95% of the machine's CPU for " + CPU_SATURATED_SECONDS + " s in a row";
        }
        return null;
    }
}
