package dev.queuebench.simulations;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.http.HttpDsl.http;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.http.HttpDsl;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * The four endpoints, named {@code join}, {@code status}, {@code enter} and {@code leave}. Checks
 * are cheap on purpose (the status code, and the body kept as text for {@link AnswerBody}): the
 * injector's CPU goes to sending.
 */
final class QueueRequests {
    private QueueRequests() {
    }

    static HttpRequestActionBuilder join() {
        HttpRequestActionBuilder join = http("join").post("/api/v1/queue/join")
                .body(StringBody("{\"event_id\":\"#{" + SessionKeys.EVENT_ID + "}\",\"user_id\":\"#{"
                        + SessionKeys.USER_ID + "}\"}"))
                .requestTimeout(JourneyConfig.REQUEST_TIMEOUT)
                .check(captures())
                .check(HttpDsl.status().is(202));
        return JourneyConfig.IDEMPOTENCY_KEYS
                ? join.header("Idempotency-Key", "#{" + SessionKeys.IDEMPOTENCY_KEY + "}")
                : join;
    }

    static HttpRequestActionBuilder status() {
        return http("status").get("/api/v1/queue/status?token=#{" + SessionKeys.TOKEN + "}")
                .requestTimeout(JourneyConfig.REQUEST_TIMEOUT)
                .check(captures())
                .check(HttpDsl.status().is(200));
    }

    /** 403 {@code NOT_READY} is a normal answer (the bucket or the minimum wait said not yet). */
    static HttpRequestActionBuilder enter() {
        return http("enter").post("/api/v1/queue/enter")
                .body(StringBody("{\"waiting_token\":\"#{" + SessionKeys.TOKEN + "}\"}"))
                .requestTimeout(JourneyConfig.REQUEST_TIMEOUT)
                .check(captures())
                .check(HttpDsl.status().in(200, 403).saveAs(SessionKeys.ENTER_STATUS));
    }

    static HttpRequestActionBuilder leave() {
        return http("leave").delete("/api/v1/queue/leave?token=#{" + SessionKeys.TOKEN + "}")
                .requestTimeout(JourneyConfig.REQUEST_TIMEOUT)
                .check(captures())
                .check(HttpDsl.status().is(200));
    }

    /** The status and the body, kept for {@link JourneyRecorder} before any check can fail. */
    private static CheckBuilder[] captures() {
        return new CheckBuilder[] {HttpDsl.status().saveAs(SessionKeys.HTTP_STATUS),
            bodyString().saveAs(SessionKeys.BODY)};
    }
}
