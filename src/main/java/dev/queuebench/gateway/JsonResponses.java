package dev.queuebench.gateway;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

/**
 * Writes the gateway's JSON answers. Bodies are built by hand: every value is a number, a UUID or
 * a fixed word except error messages, which are escaped, and this keeps the injector's target cheap.
 */
final class JsonResponses {
    static final HttpString TRACE_ID_HEADER = new HttpString("X-Trace-Id");
    private static final String JSON_TYPE = "application/json";

    private JsonResponses() {
    }

    static void send(HttpServerExchange exchange, int httpStatus, String json) {
        exchange.setStatusCode(httpStatus);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JSON_TYPE);
        exchange.getResponseSender().send(json);
    }

    /** {@code {"error":{"code","message","trace_id"}}} with the code's HTTP status. */
    static void error(HttpServerExchange exchange, QueueError error, String message, String traceId) {
        String json = "{\"error\":{\"code\":\"" + error.name() + "\",\"message\":\""
                + new String(JsonStringEncoder.getInstance().quoteAsString(message)) + "\",\"trace_id\":\""
                + traceId + "\"}}";
        send(exchange, error.httpStatus(), json);
    }

    static String joined(JoinOperation.Joined joined) {
        return "{\"waiting_token\":\"" + joined.waitingToken() + "\",\"position_hint\":" + joined.positionHint()
                + ",\"status\":\"waiting\"}";
    }

    static String status(StatusOperation.Status status) {
        return "{\"status\":\"" + status.status() + "\",\"position\":" + status.position() + ",\"eta_sec\":"
                + status.etaSec() + ",\"waiting_time\":" + status.waitingTimeSec() + ",\"ready_for_entry\":"
                + status.readyForEntry() + "}";
    }

    static String granted(EnterOperation.Granted granted) {
        return "{\"admission\":\"granted\",\"reservation_token\":\"" + granted.reservationToken()
                + "\",\"ttl_sec\":" + granted.ttlSec() + "}";
    }
}
