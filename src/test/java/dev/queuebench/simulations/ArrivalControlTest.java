package dev.queuebench.simulations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.profile.JourneyShape;
import dev.queuebench.profile.RateRamp;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Drives the controller with simulated journeys on a simulated clock: candidates arrive evenly at the
 * ceiling rate, admitted ones join and then send their other requests at the offsets their kind of
 * journey has. Whatever the journeys look like, and whatever the model assumed, the request rate
 * must settle on the plan.
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
        ArrivalControl control = new ArrivalControl(List.of(new RateRamp(10, 0, 0)),
                List.of(new RateRamp(10, 10, 10)), false, MODEL_FIVE_POLLS);
        control.start(0);
        for (int i = 0; i < 100; i++) {
            assertFalse(control.admitCandidate(i * SEC / 10));
        }
        assertEquals(100, control.candidatesSkipped());
    }

    @Test
    void beforeAnyJourneyTheModelIsTheEstimate() {
        ArrivalControl control = new ArrivalControl(List.of(new RateRamp(10, 10, 10)),
                List.of(new RateRamp(10, 10, 10)), false, new JourneyShape(5, 2_000, 0.2, 0.1, 1));
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
     * Requests sent in each second when the controller thins candidates injected at a ceiling of the
     * plan ÷ 2; each admitted journey is of kind i with probability shares[i], its requests jittered ±0.4 s.
     */
    private static Run simulate(List<double[]> kinds, double[] shares, JourneyShape model,
            List<RateRamp> plan, int seconds) {
        List<RateRamp> ceiling = plan.stream()
                .map(s -> new RateRamp(s.durationSec(), s.fromPerSec() / 2, s.toPerSec() / 2)).toList();
        ArrivalControl control = new ArrivalControl(plan, ceiling, false, model);
        control.start(0);
        Random random = new Random(42);
        double[] perSec = new double[seconds + 120];
        // Events: {time, kind, joinTime} where kind -1 = candidate, 0 = request, 1 = journey end.
        double atEnd = Double.NaN;
        PriorityQueue<double[]> events = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        double t = 0.001;
        while (t < seconds) {
            events.add(new double[] {t, -1, t});
            double rate = ArrivalControl.rateAt(ceiling, t);
            t += rate > 0 ? 1 / rate : 0.01;
        }
        while (!events.isEmpty()) {
            double[] event = events.poll();
            long now = (long) (event[0] * SEC);
            long join = (long) (event[2] * SEC);
            if (event[1] == -1) {
                atEnd = control.requestsPerJourney();
                if (control.admitCandidate(now)) {
                    perSec[(int) event[0]]++;
                    double[] offsets = kinds.get(pick(shares, random));
                    List<Double> times = new ArrayList<>();
                    for (double offset : offsets) {
                        times.add(event[0] + offset + (random.nextDouble() - 0.5) * 0.8);
                    }
                    for (double time : times) {
                        events.add(new double[] {time, 0, event[0]});
                    }
                    events.add(new double[] {times.get(times.size() - 1) + 1e-6, 1, event[0]});
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
