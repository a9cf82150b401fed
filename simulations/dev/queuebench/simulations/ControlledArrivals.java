package dev.queuebench.simulations;

import java.lang.reflect.Constructor;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import scala.collection.AbstractIterator;
import scala.collection.Iterator;
import scala.concurrent.duration.FiniteDuration;

/**
 * An open-model injection step whose arrivals the {@link ArrivalControl} decides while the run goes,
 * one second at a time.
 *
 * <p>Gatling's own steps fix every arrival rate when the simulation starts, but it asks a step's
 * arrivals lazily: its injector takes the users of the next second from the step's iterator about a
 * second ahead ({@code Injector.TickPeriod}). So this step's iterator asks the control for each
 * second's arrivals only when Gatling reaches it, and every user Gatling starts is a journey: nothing
 * is injected at a worst-case ceiling and thrown away (which cost 85% of the users the injector paid
 * for against a target that never admits).
 *
 * <p>Gatling's Java DSL offers no custom steps and its Scala step type is sealed to Scala code, so this
 * class implements the step's interface ({@code io.gatling.core.controller.inject.open.OpenInjectionStep})
 * and wraps it with the Java DSL's private constructor. Both are Gatling internals of the pinned
 * version: {@code ControlledArrivalsTest} and every run's delivery check fail loudly if an upgrade
 * changes them.
 */
final class ControlledArrivals implements io.gatling.core.controller.inject.open.OpenInjectionStep {
    private static final long serialVersionUID = 1L;

    private final transient ArrivalControl control;
    private final int durationSec;

    ControlledArrivals(ArrivalControl control) {
        this.control = control;
        this.durationSec = control.planSec();
    }

    /** This step as the Java DSL's step, for {@code injectOpen}. */
    io.gatling.javaapi.core.OpenInjectionStep asJava() {
        try {
            Constructor<io.gatling.javaapi.core.OpenInjectionStep> wrap =
                    io.gatling.javaapi.core.OpenInjectionStep.class.getDeclaredConstructor(
                            io.gatling.core.controller.inject.open.OpenInjectionStep.class);
            wrap.setAccessible(true);
            return wrap.newInstance(this);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("this Gatling version no longer wraps its own injection steps the way "
                    + "queuebench's arrival control needs (" + e + "); use the Gatling version queuebench pins", e);
        }
    }

    @Override
    public Iterator<FiniteDuration> chain(Iterator<FiniteDuration> next) {
        FiniteDuration length = duration();
        return new AbstractIterator<>() {
            private int second;
            private double[] arrivals = new double[0];
            private int index;

            @Override
            public boolean hasNext() {
                while (index == arrivals.length && second < durationSec) {
                    arrivals = control.arrivalsIn(second++, System.nanoTime());
                    index = 0;
                }
                return index < arrivals.length || next.hasNext();
            }

            @Override
            public FiniteDuration next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no arrivals after the plan's " + durationSec + " s");
                }
                if (index < arrivals.length) {
                    return new FiniteDuration(Math.round(arrivals[index++] * 1000), TimeUnit.MILLISECONDS);
                }
                return next.next().$plus(length);
            }
        };
    }

    /** The journeys the model expects; Gatling shows it as users waiting on the console, nothing depends on it. */
    @Override
    public long users() {
        return control.modelledJourneys();
    }

    @Override
    public FiniteDuration duration() {
        return new FiniteDuration(durationSec, TimeUnit.SECONDS);
    }

    @Override
    public int productArity() {
        return 0;
    }

    @Override
    public Object productElement(int n) {
        throw new IndexOutOfBoundsException(n);
    }

    @Override
    public boolean canEqual(Object that) {
        return that instanceof ControlledArrivals;
    }

    @Override
    public String toString() {
        return "ControlledArrivals(" + durationSec + " s)";
    }
}
