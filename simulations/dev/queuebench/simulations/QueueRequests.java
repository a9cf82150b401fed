package dev.queuebench.simulations;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.http.HttpDsl;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.List;

/**
 * The four endpoints, named {@code join}, {@code status}, {@code enter} and {@code leave}, built
 * from the user's {@link JourneyState}. Checks are cheap on purpose: the body and the status are
 * handed to the user's state as they are read (before the status check can fail, so a refusal's
 * code is read too), and the status check marks a KO in Gatling's log as usual.
 */
final class QueueRequests {
    /** The answers an enter may get: alone, and beside a double click's other enter. */
    private static final List<Integer> ALONE = List.of(200, 403);
    private static final List<Integer> BESIDE_TWIN = List.of(200, 403, 404);

    private QueueRequests() {
    }

    static HttpRequestActionBuilder join() {
        HttpRequestActionBuilder join = http("join").post("/api/v1/queue/join")
                .body(StringBody(session -> {
                    JourneyState journey = JourneyState.of(session);
                    return "{\"event_id\":\"" + journey.eventId + "\",\"user_id\":\"" + journey.userId + "\"}";
                }))
                .requestTimeout(JourneyConfig.REQUEST_TIMEOUT)
                .check(captures())
                .check(HttpDsl.status().is(202));
        return JourneyConfig.IDEMPOTENCY_KEYS
                ? join.header("Idempotency-Key", session -> JourneyState.of(session).idempotencyKey)
                : join;
    }

    static HttpRequestActionBuilder status() {
        return http("status").get(session -> "/api/v1/queue/status?token=" + JourneyState.of(session).token)
                .requestTimeout(JourneyConfig.REQUEST_TIMEOUT)
                .check(captures())
                .check(HttpDsl.status().is(200));
    }

    /**
     * 403 {@code NOT_READY} is a normal answer (the bucket or the minimum wait said not yet), and so is 404
     * for the enter beside a double click's other one, when the other took the token first (seen in the gate
     * validation: one such 404 in a smoke ramp's 130 requests failed its 0.1% error rule).
     */
    static HttpRequestActionBuilder enter() {
        return http("enter").post("/api/v1/queue/enter")
                .body(StringBody(session -> "{\"waiting_token\":\"" + JourneyState.of(session).token + "\"}"))
                .requestTimeout(JourneyConfig.REQUEST_TIMEOUT)
                .check(captures())
                .check(HttpDsl.status().in(session -> JourneyState.of(session).twinBeside ? BESIDE_TWIN : ALONE));
    }


    static HttpRequestActionBuilder leave() {
        return http("leave").delete(session -> "/api/v1/queue/leave?token=" + JourneyState.of(session).token)
                .requestTimeout(JourneyConfig.REQUEST_TIMEOUT)
                .check(captures())
                .check(HttpDsl.status().is(200));
    }

    /** The body and the status, handed to the user's state before any check can fail. */
    private static CheckBuilder[] captures() {
        return new CheckBuilder[] {
            bodyString().transformWithSession((body, session) -> JourneyState.of(session).body = body),
            HttpDsl.status().transformWithSession((status, session) -> JourneyState.of(session).httpStatus = status)
        };
    }
}
