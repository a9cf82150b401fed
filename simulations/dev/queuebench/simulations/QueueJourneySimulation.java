package dev.queuebench.simulations;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import dev.queuebench.profile.RateRamp;
import dev.queuebench.profile.SimulationProperty;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.OpenInjectionStep.ConstantRate.ConstantRateOpenInjectionStep;
import io.gatling.javaapi.core.OpenInjectionStep.RampRate.RampRateOpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The waiting-room journey under an open workload: users arrive at the configured rate whatever
 * the target's latency, so a slow target cannot slow the load down and hide its own latency.
 * Parameters: {@link JourneyConfig}. Run it with {@code queuebench run}, or with
 * {@code mvn gatling:test -Dgatling.simulationClass=dev.queuebench.simulations.QueueJourneySimulation}.
 */
public class QueueJourneySimulation extends Simulation {
    // Protocol: JSON over HTTP/1.1; shared connections model gateway pods behind a load balancer.
    private final HttpProtocolBuilder protocol = sharedOrNot(http
            .baseUrl(JourneyConfig.BASE_URL)
            .contentTypeHeader("application/json")
            .acceptHeader("application/json")
            .warmUp(JourneyConfig.BASE_URL + "/healthz"));

    // Scenario
    private final ScenarioBuilder journey = scenario("queue-journey").exec(QueueJourney.chain());

    // Set-up: open-model arrivals, Poisson-randomised within each step unless told otherwise
    {
        // Gatling takes the run's start once the simulation is built: waiting here puts it at --start-at.
        StartGate.await(JourneyConfig.START_AT_EPOCH_MS);
        ArrivalControl control = JourneyConfig.ARRIVAL_CONTROL;
        setUp(journey.injectOpen(control != null ? new OpenInjectionStep[] {new ControlledArrivals(control).asJava()}
                : injection(JourneyConfig.ARRIVALS_PER_SEC, JourneyConfig.POISSON_ARRIVALS))).protocols(protocol);
    }

    /** Injection starts now: second 0 of the request-rate plan. */
    @Override
    public void before() {
        if (JourneyConfig.ARRIVAL_CONTROL != null) {
            JourneyConfig.ARRIVAL_CONTROL.start(System.nanoTime());
        }
        PlanStart.record(System.getProperty(SimulationProperty.PLAN_START_FILE), System.currentTimeMillis());
    }

    @Override
    public void after() {
        JourneyConfig.RECORDER.close();
        ArrivalControl control = JourneyConfig.ARRIVAL_CONTROL;
        if (control != null) {
            System.out.printf(java.util.Locale.ROOT, "queuebench arrival control: %d journeys scheduled, %d started, "
                    + "%.2f requests per journey, %.1f s mean request delay%n", control.journeysScheduled(),
                    control.journeysStarted(), control.requestsPerJourney(), control.meanRequestDelaySec());
        }
    }

    private static HttpProtocolBuilder sharedOrNot(HttpProtocolBuilder builder) {
        return JourneyConfig.SHARED_CONNECTIONS ? builder.shareConnections() : builder;
    }

    /** Gatling's own steps at fixed arrival rates, for a run without a request-rate plan. */
    static OpenInjectionStep[] injection(List<RateRamp> arrivalsPerSec, boolean poissonArrivals) {
        List<OpenInjectionStep> open = new ArrayList<>();
        for (RateRamp step : arrivalsPerSec) {
            Duration duration = Duration.ofSeconds(step.durationSec());
            if (step.isIdle()) {
                open.add(nothingFor(duration));
            } else if (step.fromPerSec() == step.toPerSec()) {
                ConstantRateOpenInjectionStep constant = constantUsersPerSec(step.fromPerSec()).during(duration);
                open.add(poissonArrivals ? constant.randomized() : constant);
            } else {
                RampRateOpenInjectionStep ramp =
                        rampUsersPerSec(step.fromPerSec()).to(step.toPerSec()).during(duration);
                open.add(poissonArrivals ? ramp.randomized() : ramp);
            }
        }
        return open.toArray(new OpenInjectionStep[0]);
    }
}
