package dev.queuebench.simulations;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.queuebench.profile.RateRamp;
import dev.queuebench.profile.SimulationProperty;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Gatling's own ceiling on this machine, for {@code scripts/bench-injector.sh}: an open-model loop in
 * which every user sends one GET (the journey's status request, same headers and shared connections)
 * and ends, at the request rates of {@code qb.requestRate} (the journey's plan, so both see the same
 * warm-up, ramp and hold). Nothing is recorded but what Gatling records itself, so its CPU per request
 * is the least a Gatling request costs here: the yardstick for the journey's.
 */
public class BareGetSimulation extends Simulation {
    private static final String BASE_URL = System.getProperty(SimulationProperty.BASE_URL, "http://127.0.0.1:8080");

    private final HttpProtocolBuilder protocol = http
            .baseUrl(BASE_URL)
            .acceptHeader("application/json")
            .warmUp(BASE_URL + "/healthz")
            .shareConnections();

    private final ScenarioBuilder get = scenario("bare-get")
            .exec(http("status").get("/api/v1/queue/status?token=bare").check(status().is(200)));

    {
        setUp(get.injectOpen(QueueJourneySimulation.injection(
                RateRamp.parse(System.getProperty(SimulationProperty.REQUEST_RATE, "10:1:50;20:50:50"),
                        SimulationProperty.REQUEST_RATE), Boolean.parseBoolean(System.getProperty(
                        SimulationProperty.POISSON_ARRIVALS, "true"))))).protocols(protocol);
    }
}
