package dev.queuebench.simulations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.profile.JourneyShape;
import dev.queuebench.profile.RateRamp;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Drives the controller with simulated journeys on a simulated clock: as Gatling does, each second's
 * arrivals are asked a second before it begins; each journey joins at its arrival and then sends its
 * other requests at the offsets its kind of journey has. Whatever the journeys look like, and whatever
 * the model assumed, the request rate must settle on the plan.
 */
class ArrivalControlTest {
    private static final long SEC = 1_000_000_000L;
    /** Admitted at the first poll: status 2 s after the join, enter 2 s after that. */
    private static final double[] ADMITTED_AT_FIRST_POLL = {2, 4};
    /** Never admitted: ten polls 2 s apart. */
    private static final double[] TEN_POLLS = polls(10);
    private static final JourneyShape MODEL_FIVE_POLLS = new JourneyShape(5, 2_000, 0, 0, 1);

    @Test
    void journeysShorterThanTheModelGetMoreArrivals() {
        Run run = simulate(List.of(ADMITTED_AT_FIRST_POLL), new double[] {1}, MODEL_FIVE_POLLS,
                List.of(new RateRamp(60, 50, 50)), 60);
        assertEquals(50, run.meanRps(15, 60), 1.5);
        assertEquals(3, run.requestsPerJourneyAtEnd(), 0.1);
    }

    @Test
    void journeysLongerThanTheModelGetFewerArrivals() {
        Run run = simulate(List.of(TEN_POLLS), new double[] {1}, MODEL_FIVE_POLLS,
                List.of(new RateRamp(90, 500, 500)), 90);
        assertEquals(500, run.meanRps(50, 90), 10);
        assertEquals(11, run.requestsPerJourneyAtEnd(), 0.3);
    }

    @Test
    void aLongQueueIsNotMistakenForShortJourneysWhileItsUsersAreStillWaiting() {
        // Ticket-open: 5% are admitted at their first poll and finish in 4 s, 95% poll 30 times. For the first
        // minute only the short journeys have finished; counting finished journeys alone would plan 3 requests.
        JourneyShape model = new JourneyShape(30, 2_000, 0, 0, 1);
        Run run = simulate(List.of(ADMITTED_AT_FIRST_POLL, polls(30)), new double[] {0.05, 0.95}, model,
                List.of(new RateRamp(10, 0, 2_000), new RateRamp(110, 2_000, 2_000)), 120);
        // Journeys of a minute fill the plan a minute after its ramp, then hold it.
        assertEquals(2_000, run.meanRps(75, 120), 60);
    }

    @Test
    void rampsAreFollowedOnTimeBecauseArrivalsLeadByTheRequestDelay() {
        Run run = simulate(List.of(TEN_POLLS), new double[] {1}, new JourneyShape(10, 2_000, 0, 0, 1),
                List.of(new RateRamp(30, 100, 100), new RateRamp(30, 100, 1_000),
                        new RateRamp(30, 1_000, 1_000)), 90);
        // Mid-ramp the plan is at 550; without the lead the requests would trail by ~11 s (~165 req/s).
        assertEquals(550, run.meanRps(43, 47), 40);
        assertEquals(1_000, run.meanRps(70, 90), 25);
    }

    @Test
    void noPlannedRateMeansNoJourneys() {
        ArrivalControl control = new ArrivalControl(List.of(new RateRamp(10, 0, 0)), false, MODEL_FIVE_POLLS,
                ArrivalLog.NONE);
        control.start(0);
        for (int second = 0; second < 10; second++) {
            assertEquals(0, control.arrivalsIn(second, second * SEC).length);
        }
        assertEquals(0, control.journeysScheduled());
    }

    @Test
    void evenArrivalsAreSpacedEvenlyAndPoissonArrivalsCountLikeAPoissonProcess() {
        // 110 requests/s of journeys that send 11 requests: 10 arrivals a second, measured on nothing yet.
        JourneyShape elevenRequests = new JourneyShape(10, 2_000, 0, 0, 1);
        ArrivalControl even = new ArrivalControl(List.of(new RateRamp(1_000, 110, 110)), false, elevenRequests,
                ArrivalLog.NONE);
        double[] first = even.arrivalsIn(0, 0);
        assertEquals(10, first.length);
        for (int i = 0; i < first.length; i++) {
            assertEquals(0.05 + 0.1 * i, first[i], 1e-9);
        }
        ArrivalControl poisson = new ArrivalControl(List.of(new RateRamp(1_000, 110, 110)), true, elevenRequests,
                ArrivalLog.NONE);
        double sum = 0;
        double sumSquares = 0;
        for (int second = 0; second < 400; second++) {
            double[] arrivals = poisson.arrivalsIn(second, 0);
            for (int i = 0; i < arrivals.length; i++) {
                assertTrue(arrivals[i] >= second && arrivals[i] < second + 1 && (i == 0 || arrivals[i] >= arrivals[i - 1]));
            }
            sum += arrivals.length;
            sumSquares += (double) arrivals.length * arrivals.length;
        }
        double mean = sum / 400;
        double variance = sumSquares / 400 - mean * mean;
        assertEquals(10, mean, 0.6, "a Poisson process at 10/s");
        assertEquals(10, variance, 3.5, "whose counts vary as much as their mean");
    }

    @Test
    void everySecondsDecisionIsLogged() {
        List<dev.queuebench.rundir.ArrivalsCsv.Second> logged = new ArrayList<>();
        ArrivalControl control = new ArrivalControl(List.of(new RateRamp(10, 50, 50)), false,
                new JourneyShape(5, 2_000, 0, 0, 1), logged::add);
        control.arrivalsIn(0, 0);
        control.arrivalsIn(1, SEC);
        assertEquals(2, logged.size());
        assertEquals(1, logged.get(1).offsetSec());
        assertEquals(control.journeysScheduled(), logged.get(0).scheduledJourneys() + logged.get(1).scheduledJourneys());
        assertEquals(50, logged.get(0).plannedRps(), 1e-9);
        assertEquals(control.requestsPerJourney(), logged.get(1).requestsPerJourney(), 1e-9);
    }

    @Test
    void journeysThatKeepLengtheningThroughAHoldAreHeldToThePlan() {
        // A queue that grows through the hold: the share of users who wait ten polls instead of being admitted
        // at their first rises from 0 to 30%, so a journey's requests go from 3 to 5.4. The life table learns
        // from journeys that began a while ago and trails them; the feedback on sent requests takes up the rest.
        Run run = simulate(List.of(ADMITTED_AT_FIRST_POLL, TEN_POLLS),
                atSec -> new double[] {1 - 0.3 * Math.min(1, atSec / 150), 0.3 * Math.min(1, atSec / 150)},
                MODEL_FIVE_POLLS, List.of(new RateRamp(10, 0, 500), new RateRamp(150, 500, 500)), 160);
        assertEquals(500, run.meanRps(60, 160), 10, "within 2% through the hold");
        assertTrue(run.control().correction() < 1, "the journeys kept getting longer than the table knew: "
                + run.control().correction());
    }

    @Test
    void journeysThatFailAtTheirJoinAreCappedAtTheShortestJourneysArrivals() {
        // Every join fails: a journey is one request. The plan's 300 requests/s would be 300 joins a second;
        // the cap keeps arrivals at 1.25 x 300 / 2.95 (the configured journey's fewest requests).
        JourneyShape model = new JourneyShape(5, 2_000, 0.2, 0.1, 1);
        Run run = simulate(List.of(new double[0]), new double[] {1}, model, List.of(new RateRamp(60, 300, 300)), 60);
        assertEquals(1, run.requestsPerJourneyAtEnd(), 0.05);
        assertEquals(1.25 * 300 / model.fewestRequestsPerUser(), run.meanRps(20, 60), 8);
    }

    @Test
    void beforeAnyJourneyTheModelIsTheEstimate() {
        ArrivalControl control = new ArrivalControl(List.of(new RateRamp(10, 10, 10)), false,
                new JourneyShape(5, 2_000, 0.2, 0.1, 1), ArrivalLog.NONE);
        assertEquals(new JourneyShape(5, 2_000, 0.2, 0.1, 1).requestsPerUser(), control.requestsPerJourney(), 1e-9);
        assertTrue(control.meanRequestDelaySec() > 4 && control.meanRequestDelaySec() < 6);
    }

    @Test
    void ratesInterpolateWithinStretches() {
        List<RateRamp> plan = List.of(new RateRamp(10, 0, 100),
                new RateRamp(5, 100, 100));
        assertEquals(50, ArrivalControl.rateAt(plan, 5), 1e-9);
        assertEquals(100, ArrivalControl.rateAt(plan, 12), 1e-9);
        assertEquals(0, ArrivalControl.rateAt(plan, 15), 1e-9);
    }

    private static double[] polls(int count) {
        double[] offsets = new double[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = 2.0 * (i + 1);
        }
        return offsets;
    }

    /** The control, requests per second, and the control's estimate of requests per journey when injection ended. */
    private record Run(ArrivalControl control, double[] perSec, double requestsPerJourneyAtEnd) {
        double meanRps(int from, int to) {
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += perSec[i];
            }
            return sum / (to - from);
        }
    }

    /**
     * Requests sent in each second when the controller schedules the arrivals; each journey is of kind i
     * with probability shares[i], its requests jittered ±0.4 s.
     */
    private static Run simulate(List<double[]> kinds, double[] shares, JourneyShape model,
            List<RateRamp> plan, int seconds) {
        return simulate(kinds, atSec -> shares, model, plan, seconds);
    }

    /** As above, with the journeys' mix changing over the run: {@code sharesAt} of the arrival's second. */
    private static Run simulate(List<double[]> kinds, java.util.function.DoubleFunction<double[]> sharesAt,
            JourneyShape model, List<RateRamp> plan, int seconds) {
        ArrivalControl control = new ArrivalControl(plan, false, model, ArrivalLog.NONE);
        control.start(0);
        Random random = new Random(42);
        double[] perSec = new double[seconds + 120];
        // Events: {time, kind, joinTime} where kind -2 = Gatling asks for second joinTime's arrivals,
        // -1 = an arrival, 0 = a request, 1 = a journey's end.
        double atEnd = Double.NaN;
        PriorityQueue<double[]> events = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0])
                : Double.compare(a[1], b[1]));
        for (int second = 0; second < seconds; second++) {
            events.add(new double[] {Math.max(0, second - 1), -2, second});
        }
        while (!events.isEmpty()) {
            double[] event = events.poll();
            long now = (long) (event[0] * SEC);
            long join = (long) (event[2] * SEC);
            if (event[1] == -2) {
                atEnd = control.requestsPerJourney();
                for (double arrival : control.arrivalsIn((int) event[2], now)) {
                    events.add(new double[] {arrival, -1, arrival});
                }
            } else if (event[1] == -1) {
                control.journeyStarted(now);
                {
                    perSec[(int) event[0]]++;
                    double[] offsets = kinds.get(pick(sharesAt.apply(event[0]), random));
                    List<Double> times = new ArrayList<>();
                    for (double offset : offsets) {
                        times.add(event[0] + offset + (random.nextDouble() - 0.5) * 0.8);
                    }
                    for (double time : times) {
                        events.add(new double[] {time, 0, event[0]});
                    }
                    events.add(new double[] {(times.isEmpty() ? event[0] : times.get(times.size() - 1)) + 1e-6, 1, event[0]});
                }
            } else if (event[1] == 1) {
                control.journeyEnded(now, join);
            } else {
                control.requestSent(now, join);
                perSec[(int) event[0]]++;
            }
        }
        return new Run(control, perSec, atEnd);
    }

    private static int pick(double[] shares, Random random) {
        double u = random.nextDouble();
        for (int i = 0; i < shares.length; i++) {
            u -= shares[i];
            if (u < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }
}
