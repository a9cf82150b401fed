package dev.queuebench.simulations;

import dev.queuebench.profile.JourneyShape;
import dev.queuebench.profile.RateRamp;
import dev.queuebench.profile.SimulationProperty;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Holds the total request rate on the profile's plan whatever the target's admission does.
 *
 * <p>How many requests a user sends depends on the target: a waiting room that admits users at
 * their first poll gets about three requests a user, one whose queue is long gets a dozen. A fixed
 * arrival rate would deliver a request rate the profile never asked for. So Gatling injects
 * candidate users at a ceiling rate fixed at start (an open model: the schedule never waits on
 * responses), and this class lets each candidate start a journey with probability
 *
 * <pre>  (planned requests/s at t + D) ÷ R ÷ ceiling/s</pre>
 *
 * where R is the requests a journey sends and D the mean delay from a journey's arrival to its
 * requests, both measured on the run's own journeys. Leading the plan by D makes the requests, which
 * trail their arrivals, follow ramps on time. Candidates are thinned at random when arrivals are a
 * Poisson process (a thinned Poisson process is still one) and by error diffusion when they are
 * evenly spaced. Arrivals stay smooth: the estimate moves, the schedule does not chase each second.
 *
 * <p>R and D come from a life table: for each half-second of journey age, the requests sent and the
 * journeys ended per journey that reached that age, over the last
 * {@link #MEMORY_SEC} seconds or so. Journeys still in flight count for the ages they reached, so a
 * long queue is not mistaken for short journeys just because the short ones finish first; ages no
 * journey has reached yet take the requests the {@link JourneyShape} model predicts for its survivors.
 *
 * <p>Times are {@link System#nanoTime()} values passed in, so the arithmetic can be tested on a
 * simulated clock. All methods are thread-safe; Gatling calls them from its event loops.
 */
public final class ArrivalControl {
    static final double BUCKET_SEC = 0.5;
    /** Time constant of the life table's memory: observations fade with exp(−elapsed/this). */
    static final double MEMORY_SEC = 5;
    /** Journeys that must have reached an age before its own rates replace the model's. */
    static final double MIN_AT_RISK = 5;
    private static final long BUCKET_NANOS = (long) (BUCKET_SEC * 1e9);
    private static final double DECAY_PER_BUCKET = Math.exp(-BUCKET_SEC / MEMORY_SEC);
    /** {@code -Dqb.traceArrivals=true}: one line a second on the console with the estimates and the plan. */
    private static final boolean TRACE = Boolean.getBoolean(SimulationProperty.TRACE_ARRIVALS);

    private final List<RateRamp> requestRate;
    private final List<RateRamp> ceiling;
    private final boolean poissonArrivals;
    private final JourneyShape model;
    private final int ages;
    private final long[] aliveByJoinBucket;
    // The life table, by age bucket: closed buckets only, faded, so all three columns cover the same time.
    private final double[] atRisk;
    private final double[] sent;
    private final double[] ended;
    // The bucket under way, added to the table when it closes.
    private final double[] openAtRisk;
    private final double[] openSent;
    private final double[] openEnded;
    private long startNanos = Long.MIN_VALUE;
    private long bucket;
    private double requestsPerJourney;
    private double meanRequestDelaySec;
    private double credit;
    private long journeysStarted;
    private long candidatesSkipped;
    private long lastTraceSec = -1;

    /**
     * @param requestRate     the planned total requests per second, stretch by stretch
     * @param ceiling         the candidates Gatling injects per second, stretch by stretch
     * @param poissonArrivals thin at random (true) or by error diffusion (false)
     * @param model           the journey as configured, for ages not yet observed
     */
    public ArrivalControl(List<RateRamp> requestRate, List<RateRamp> ceiling, boolean poissonArrivals,
            JourneyShape model) {
        this.requestRate = List.copyOf(requestRate);
        this.ceiling = List.copyOf(ceiling);
        this.poissonArrivals = poissonArrivals;
        this.model = model;
        this.ages = (int) Math.ceil((2 * model.lifetimeSec() + 30) / BUCKET_SEC);
        this.aliveByJoinBucket = new long[ages];
        this.atRisk = new double[ages];
        this.sent = new double[ages];
        this.ended = new double[ages];
        this.openAtRisk = new double[ages];
        this.openSent = new double[ages];
        this.openEnded = new double[ages];
        estimate();
    }

    /** The moment injection starts: the plans' second 0. */
    public synchronized void start(long nowNanos) {
        startNanos = nowNanos;
        bucket = 0;
    }

    /** Whether the candidate arriving now starts a journey; if so it is alive until {@link #journeyEnded}. */
    public synchronized boolean admitCandidate(long nowNanos) {
        if (startNanos == Long.MIN_VALUE) {
            start(nowNanos);
        }
        advance(nowNanos);
        double offsetSec = (nowNanos - startNanos) / 1e9;
        double ceilingPerSec = rateAt(ceiling, offsetSec);
        double plannedNow = rateAt(requestRate, offsetSec);
        double plannedAhead = rateAt(requestRate, offsetSec + meanRequestDelaySec);
        // Nothing planned now means no arrivals (a polling-only phase); past the plan's end, hold the last rate.
        double planned = plannedNow == 0 ? 0 : plannedAhead > 0 ? plannedAhead : plannedNow;
        if (TRACE && (long) offsetSec != lastTraceSec) {
            lastTraceSec = (long) offsetSec;
            System.out.printf(Locale.ROOT, "arrival control t=%ds: %.2f requests per journey, %.2f s mean delay, "
                    + "planning %.1f req/s, ceiling %.1f candidates/s, %d journeys started%n", lastTraceSec,
                    requestsPerJourney, meanRequestDelaySec, planned, ceilingPerSec, journeysStarted);
        }
        double probability = ceilingPerSec > 0 ? Math.min(1, planned / requestsPerJourney / ceilingPerSec) : 0;
        boolean admitted;
        if (poissonArrivals) {
            admitted = ThreadLocalRandom.current().nextDouble() < probability;
        } else {
            credit += probability;
            admitted = credit >= 1;
            if (admitted) {
                credit -= 1;
            }
        }
        if (admitted) {
            aliveByJoinBucket[(int) (bucket % ages)]++;
            openAtRisk[0]++;
            journeysStarted++;
        } else {
            candidatesSkipped++;
        }
        return admitted;
    }

    /** A journey that started at {@code joinNanos} sent a request other than its join. */
    public synchronized void requestSent(long nowNanos, long joinNanos) {
        if (startNanos == Long.MIN_VALUE) {
            return;
        }
        advance(nowNanos);
        int age = ageBucket(joinNanos);
        if (age >= 0 && age < ages) {
            openSent[age]++;
        }
    }

    /** A journey that started at {@code joinNanos} ended: admitted, left, out of polls, or its join failed. */
    public synchronized void journeyEnded(long nowNanos, long joinNanos) {
        if (startNanos == Long.MIN_VALUE) {
            return;
        }
        advance(nowNanos);
        int age = ageBucket(joinNanos);
        if (age >= 0 && age < ages) {
            openEnded[age]++;
            long joinBucket = bucket - age;
            aliveByJoinBucket[(int) (joinBucket % ages)] = Math.max(0, aliveByJoinBucket[(int) (joinBucket % ages)] - 1);
        }
    }

    /** Requests a journey sends, join included, as now estimated. */
    public synchronized double requestsPerJourney() {
        return requestsPerJourney;
    }

    /** Mean seconds from a journey's arrival to its requests, as now estimated. */
    public synchronized double meanRequestDelaySec() {
        return meanRequestDelaySec;
    }

    public synchronized long journeysStarted() {
        return journeysStarted;
    }

    public synchronized long candidatesSkipped() {
        return candidatesSkipped;
    }

    private int ageBucket(long joinNanos) {
        return (int) (bucket - Math.floorDiv(joinNanos - startNanos, BUCKET_NANOS));
    }

    /** Closes the buckets up to now: fades the table, and counts every alive journey at risk at its new age. */
    private void advance(long nowNanos) {
        long target = Math.floorDiv(nowNanos - startNanos, BUCKET_NANOS);
        if (target <= bucket) {
            return;
        }
        while (bucket < target) {
            for (int age = 0; age < ages; age++) {
                atRisk[age] = atRisk[age] * DECAY_PER_BUCKET + openAtRisk[age];
                sent[age] = sent[age] * DECAY_PER_BUCKET + openSent[age];
                ended[age] = ended[age] * DECAY_PER_BUCKET + openEnded[age];
            }
            Arrays.fill(openAtRisk, 0);
            Arrays.fill(openSent, 0);
            Arrays.fill(openEnded, 0);
            bucket++;
            aliveByJoinBucket[(int) (bucket % ages)] = 0;
            for (int age = 1; age < ages; age++) {
                long joinBucket = bucket - age;
                if (joinBucket >= 0) {
                    openAtRisk[age] += aliveByJoinBucket[(int) (joinBucket % ages)];
                }
            }
        }
        estimate();
    }

    /** R and D from the life table; ages too few journeys reached take the model's expectation for survivors. */
    private void estimate() {
        double surviving = 1;
        double requests = 1;
        double delaySum = 0;
        for (int age = 0; age < ages && surviving > 1e-4; age++) {
            double ageSec = age * BUCKET_SEC;
            if (atRisk[age] < MIN_AT_RISK) {
                double modelSurviving = model.survivingAt(ageSec);
                if (modelSurviving > 0) {
                    requests += surviving * model.requestsAfter(ageSec) / modelSurviving;
                    delaySum += surviving * model.requestSecondsAfter(ageSec) / modelSurviving;
                }
                break;
            }
            double perJourney = sent[age] / atRisk[age];
            requests += surviving * perJourney;
            delaySum += surviving * perJourney * (ageSec + BUCKET_SEC / 2);
            surviving *= Math.max(0, 1 - ended[age] / atRisk[age]);
        }
        requestsPerJourney = requests;
        meanRequestDelaySec = delaySum / requests;
    }

    /** The rate a list of ramps gives {@code offsetSec} after the start; 0 before and after. */
    static double rateAt(List<RateRamp> ramps, double offsetSec) {
        double start = 0;
        for (RateRamp ramp : ramps) {
            if (offsetSec >= start && offsetSec < start + ramp.durationSec()) {
                return ramp.perSecAt(offsetSec - start);
            }
            start += ramp.durationSec();
        }
        return 0;
    }
}
