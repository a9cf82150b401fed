package dev.queuebench.simulations;

import dev.queuebench.profile.JourneyShape;
import dev.queuebench.profile.RateRamp;
import dev.queuebench.profile.SimulationProperty;
import dev.queuebench.rundir.ArrivalsCsv;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Holds the total request rate on the profile's plan whatever the target's admission does.
 *
 * <p>How many requests a user sends depends on the target: a waiting room that admits users at
 * their first poll gets about three requests a user, one whose queue is long gets a dozen. A fixed
 * arrival rate would deliver a request rate the profile never asked for. So this class schedules the
 * arrivals of each second of the plan, about a second before it begins (when Gatling asks
 * {@link ControlledArrivals} for them), at the rate
 *
 * <pre>  (planned requests/s at t + D) ÷ R</pre>
 *
 * where R is the requests a journey sends and D the mean delay from a journey's arrival to its
 * requests, both measured on the run's own journeys. Leading the plan by D makes the requests, which
 * trail their arrivals, follow ramps on time. The model stays open: the schedule never waits on a
 * response, only the rate follows what the journeys so far have shown. Arrivals within a second are
 * a Poisson process (exponential gaps, carried across seconds, so a piecewise-constant rate stays one
 * Poisson process) or evenly spaced. Every scheduled arrival is a journey: nothing is injected to be
 * thrown away.
 *
 * <p>The arrivals are capped at {@link #HEADROOM} × the planned rate ÷ the fewest requests the
 * configured journey can send ({@link JourneyShape#fewestRequestsPerUser()}): when journeys end early
 * because their requests fail (a target down, a drill), R falls towards 1 and the plan's rate would
 * be made of joins alone; the cap keeps arrivals at what real users of this journey would send, and the
 * run's delivery shows the shortfall instead. Journeys admitted as soon as possible stay under it.
 *
 * <p>The life table learns from journeys that began a while ago, so when the target's journeys keep
 * lengthening (a queue that grows through a hold) R trails them and the run sends a few percent more
 * than planned. A slow correction follows the requests actually sent: in seconds where the plan has
 * been flat for two journey lifetimes before the window and one after it, the arrivals are scaled by the
 * planned ÷ sent requests of the last {@link #CORRECTION_WINDOW_SEC} seconds, a small step
 * ({@link #CORRECTION_GAIN_PER_SEC}) a second, within ±{@link #MAX_CORRECTION_PCT}%. It never acts in
 * ramps (where the lead does that work) nor while the cap holds arrivals down (failures are not a bias).
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
    /** Room above the shortest journeys' arrival rate: the cap on arrivals. */
    static final double HEADROOM = 1.25;
    /** Seconds of sent requests the correction compares with the plan. */
    static final int CORRECTION_WINDOW_SEC = 5;
    /** The exponent applied each second to planned ÷ sent: a time constant of about 20 s. */
    static final double CORRECTION_GAIN_PER_SEC = 0.05;
    /** The most the correction moves arrivals, either way. */
    static final double MAX_CORRECTION_PCT = 10;
    private static final long BUCKET_NANOS = (long) (BUCKET_SEC * 1e9);
    private static final double DECAY_PER_BUCKET = Math.exp(-BUCKET_SEC / MEMORY_SEC);
    private static final double[] NONE = new double[0];
    /** {@code -Dqb.traceArrivals=true}: one line a second on the console with the estimates and the plan. */
    private static final boolean TRACE = Boolean.getBoolean(SimulationProperty.TRACE_ARRIVALS);

    private final List<RateRamp> requestRate;
    private final boolean poissonArrivals;
    private final JourneyShape model;
    private final double fewestRequests;
    private final ArrivalLog log;
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
    /** Expected arrivals still to pass before the next one: 1 when evenly spaced, exponential for Poisson. */
    private double arrivalsToNext;
    private long journeysScheduled;
    private long journeysStarted;
    /** Requests sent (joins included) by second of the plan, and whether the cap held arrivals in it. */
    private final long[] sentBySecond;
    private final boolean[] cappedBySecond;
    private double correction = 1;
    private int correctedThroughSec = -1;

    /**
     * @param requestRate     the planned total requests per second, stretch by stretch
     * @param poissonArrivals a Poisson process (true) or evenly spaced arrivals (false)
     * @param model           the journey as configured, for ages not yet observed
     * @param log             where each second's schedule and estimates are written ({@link ArrivalLog#NONE})
     */
    public ArrivalControl(List<RateRamp> requestRate, boolean poissonArrivals, JourneyShape model, ArrivalLog log) {
        this.requestRate = List.copyOf(requestRate);
        this.poissonArrivals = poissonArrivals;
        this.model = model;
        this.fewestRequests = model.fewestRequestsPerUser();
        this.log = log;
        this.ages = (int) Math.ceil((2 * model.lifetimeSec() + 30) / BUCKET_SEC);
        this.aliveByJoinBucket = new long[ages];
        this.atRisk = new double[ages];
        this.sent = new double[ages];
        this.ended = new double[ages];
        this.openAtRisk = new double[ages];
        this.openSent = new double[ages];
        this.openEnded = new double[ages];
        this.arrivalsToNext = poissonArrivals ? exponential() : 0.5;
        this.sentBySecond = new long[planSec() + 1];
        this.cappedBySecond = new boolean[planSec() + 1];
        estimate();
    }

    /** The moment injection starts: the plans' second 0. */
    public synchronized void start(long nowNanos) {
        startNanos = nowNanos;
        bucket = 0;
    }

    /** Seconds the plan lasts: the arrivals are scheduled for these. */
    public int planSec() {
        return requestRate.stream().mapToInt(RateRamp::durationSec).sum();
    }

    /** Journeys the model expects the plan to need, before anything is measured (Gatling's console shows it). */
    public long modelledJourneys() {
        double requests = requestRate.stream().mapToDouble(ramp -> ramp.durationSec()
                * (ramp.fromPerSec() + ramp.toPerSec()) / 2).sum();
        return Math.round(requests / model.requestsPerUser());
    }

    /**
     * The arrivals of {@code second} of the plan, as offsets in seconds from its start, in order; asked
     * once per second, in order, about a second before it begins.
     */
    public synchronized double[] arrivalsIn(int second, long nowNanos) {
        if (startNanos == Long.MIN_VALUE) {
            start(nowNanos);
        }
        advance(nowNanos);
        correct(nowNanos);
        double midSec = second + 0.5;
        double plannedNow = rateAt(requestRate, midSec);
        double plannedAhead = rateAt(requestRate, midSec + meanRequestDelaySec);
        // Nothing planned now means no arrivals (a polling-only phase); past the plan's end, hold the last rate.
        double planned = plannedNow == 0 ? 0 : plannedAhead > 0 ? plannedAhead : plannedNow;
        double cap = HEADROOM * planned / fewestRequests;
        double perSec = Math.min(correction * planned / requestsPerJourney, cap);
        if (perSec >= cap && second < cappedBySecond.length) {
            cappedBySecond[second] = true;
        }
        double[] arrivals = perSec > 0 ? place(second, perSec) : NONE;
        journeysScheduled += arrivals.length;
        log.second(new ArrivalsCsv.Second(second, arrivals.length, planned, requestsPerJourney, meanRequestDelaySec,
                correction));
        if (TRACE) {
            System.out.printf(Locale.ROOT, "arrival control t=%ds: %.2f requests per journey, %.2f s mean delay, "
                    + "planning %.1f req/s, correction %.3f, %d arrivals, %d journeys started%n", second,
                    requestsPerJourney, meanRequestDelaySec, planned, correction, arrivals.length, journeysStarted);
        }
        return arrivals;
    }

    /** Arrivals at {@code perSec} through one second: each one when the expected arrivals since the last reach the next draw. */
    private double[] place(int second, double perSec) {
        double[] arrivals = new double[(int) Math.min(Integer.MAX_VALUE - 8, Math.ceil(perSec * 2 + 16))];
        int count = 0;
        double atSec = 0;
        while (true) {
            double gapSec = arrivalsToNext / perSec;
            if (atSec + gapSec >= 1) {
                arrivalsToNext -= perSec * (1 - atSec);
                break;
            }
            atSec += gapSec;
            if (count == arrivals.length) {
                arrivals = Arrays.copyOf(arrivals, arrivals.length * 2);
            }
            arrivals[count++] = second + atSec;
            arrivalsToNext = poissonArrivals ? exponential() : 1;
        }
        return Arrays.copyOf(arrivals, count);
    }

    private static double exponential() {
        return -Math.log(1 - ThreadLocalRandom.current().nextDouble());
    }

    /** A scheduled journey began: it is alive until {@link #journeyEnded}. */
    public synchronized void journeyStarted(long nowNanos) {
        if (startNanos == Long.MIN_VALUE) {
            start(nowNanos);
        }
        advance(nowNanos);
        aliveByJoinBucket[(int) (bucket % ages)]++;
        openAtRisk[0]++;
        journeysStarted++;
        countSent(nowNanos);
    }

    private void countSent(long nowNanos) {
        long second = Math.floorDiv(nowNanos - startNanos, 1_000_000_000L);
        if (second >= 0 && second < sentBySecond.length) {
            sentBySecond[(int) second]++;
        }
    }

    /** Moves the correction one step for every second that has closed since the last, where the plan allows. */
    private void correct(long nowNanos) {
        long closedSec = Math.floorDiv(nowNanos - startNanos, 1_000_000_000L) - 1;
        // The requests of a second come from the arrivals of a journey's lifetime before it (about twice the
        // mean request delay), and those arrivals were planned for the rate that lifetime ahead: the plan must be
        // flat from a lifetime before the window to a lifetime after it, or the window sees journeys still
        // filling in their requests, or the joins of arrivals planned for a ramp to come.
        int settleSec = Math.max(model.lifetimeSec(), (int) Math.ceil(2 * meanRequestDelaySec));
        for (int sec = correctedThroughSec + 1; sec <= closedSec && sec < sentBySecond.length; sec++) {
            correctedThroughSec = sec;
            // Twice the lifetime before: the life table itself needs a lifetime or two to learn a new target.
            int from = sec - CORRECTION_WINDOW_SEC + 1 - 2 * settleSec;
            if (from < 0) {
                continue;
            }
            double rate = rateAt(requestRate, sec + 0.5);
            double planned = 0;
            long sent = 0;
            boolean steady = rate > 0;
            for (int s = from; s <= sec + settleSec && steady; s++) {
                steady = rateAt(requestRate, s + 0.5) == rate && (s >= cappedBySecond.length || !cappedBySecond[s]);
                if (s > sec - CORRECTION_WINDOW_SEC && s <= sec) {
                    planned += rate;
                    sent += sentBySecond[s];
                }
            }
            if (steady && sent > 0) {
                double limit = 1 + MAX_CORRECTION_PCT / 100;
                correction = Math.max(1 / limit, Math.min(limit,
                        correction * Math.pow(planned / sent, CORRECTION_GAIN_PER_SEC)));
            }
        }
    }

    /** The factor the correction now applies to the arrivals (1 when it has found nothing to correct). */
    public synchronized double correction() {
        return correction;
    }

    /** A journey that started at {@code joinNanos} sent a request other than its join. */
    public synchronized void requestSent(long nowNanos, long joinNanos) {
        if (startNanos == Long.MIN_VALUE) {
            return;
        }
        advance(nowNanos);
        countSent(nowNanos);
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

    public synchronized long journeysScheduled() {
        return journeysScheduled;
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
