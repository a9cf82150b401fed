package dev.queuebench.simulations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.profile.JourneyShape;
import dev.queuebench.profile.RateRamp;
import dev.queuebench.rundir.ArrivalsCsv;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import scala.collection.Iterator;
import scala.concurrent.duration.FiniteDuration;

/**
 * The injection step Gatling takes its users from: Gatling's internals of the pinned version accept
 * it, it asks the control for a second only when Gatling reaches that second, and it hands out the
 * control's arrivals in order, in milliseconds from the start.
 */
class ControlledArrivalsTest {
    /** 50 requests/s of 5-poll journeys (5.83 requests each, never admitted): about 8.6 arrivals a second. */
    private static final JourneyShape JOURNEY = new JourneyShape(5, 2_000, 0.2, 0.1, 1);

    @Test
    void gatlingsJavaDslWrapsTheStepAsItsOwn() {
        ArrivalControl control = new ArrivalControl(List.of(new RateRamp(10, 50, 50)), false, JOURNEY,
                ArrivalLog.NONE);
        ControlledArrivals step = new ControlledArrivals(control);

        io.gatling.javaapi.core.OpenInjectionStep java = step.asJava();

        assertNotNull(java);
        assertEquals(step, java.asScala());
        assertEquals(new FiniteDuration(10, TimeUnit.SECONDS), step.duration());
        assertEquals(Math.round(500 / JOURNEY.requestsPerUser()), step.users(), "Gatling's console count");
    }

    @Test
    void eachSecondIsDecidedOnlyWhenGatlingReachesItAndItsArrivalsComeInOrder() {
        List<ArrivalsCsv.Second> decided = new ArrayList<>();
        ArrivalControl control = new ArrivalControl(List.of(new RateRamp(3, 50, 50)), false, JOURNEY, decided::add);
        Iterator<FiniteDuration> users = new ControlledArrivals(control).chain(scala.collection.Iterator$.MODULE$.empty());

        assertTrue(users.hasNext());
        assertEquals(1, decided.size(), "only second 0 is decided before Gatling takes its first user");
        List<Long> offsetsMillis = new ArrayList<>();
        while (users.hasNext()) {
            offsetsMillis.add(users.next().toMillis());
        }

        assertEquals(3, decided.size());
        assertEquals(decided.stream().mapToLong(ArrivalsCsv.Second::scheduledJourneys).sum(), offsetsMillis.size());
        for (int i = 1; i < offsetsMillis.size(); i++) {
            assertTrue(offsetsMillis.get(i) >= offsetsMillis.get(i - 1), offsetsMillis.toString());
        }
        assertTrue(offsetsMillis.get(offsetsMillis.size() - 1) < 3_000, offsetsMillis.toString());
        // Evenly spaced at about 8.6 a second: the first a half gap in, about 58 ms.
        assertEquals(58, offsetsMillis.get(0), 2);
    }

    @Test
    void theStepsAfterItFollowItsDuration() {
        ArrivalControl control = new ArrivalControl(List.of(new RateRamp(2, 0, 0)), false, JOURNEY, ArrivalLog.NONE);
        Iterator<FiniteDuration> after = scala.collection.Iterator$.MODULE$.single(
                new FiniteDuration(500, TimeUnit.MILLISECONDS));

        Iterator<FiniteDuration> users = new ControlledArrivals(control).chain(after);

        assertTrue(users.hasNext());
        assertEquals(2_500, users.next().toMillis(), "nothing planned for 2 s, then the next step's user");
        assertFalse(users.hasNext());
    }
}
