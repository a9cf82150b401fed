package dev.queuebench.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the four queue endpoints and the two probes, runs the rate-limit middleware, and turns
 * every failure into the real gateway's error JSON. What needs no Redis (unknown paths, wrong methods,
 * liveness, reading the body) is done on Undertow's I/O thread; a request reaches a worker thread,
 * where the Redis calls block, only with its whole body.
 */
final class QueueApiHandler implements HttpHandler {
    static final String JOIN = "/api/v1/queue/join";
    static final String STATUS = "/api/v1/queue/status";
    static final String ENTER = "/api/v1/queue/enter";
    static final String LEAVE = "/api/v1/queue/leave";
    static final String HEALTHZ = "/healthz";
    static final String READYZ = "/readyz";
    private static final Logger LOG = LoggerFactory.getLogger(QueueApiHandler.class);
    private static final HttpString FORWARDED_FOR = new HttpString("X-Forwarded-For");
    private static final Map<String, HttpString> ALLOWED_METHODS = Map.of(JOIN, Methods.POST, STATUS, Methods.GET,
            ENTER, Methods.POST, LEAVE, Methods.DELETE, HEALTHZ, Methods.GET, READYZ, Methods.GET);
    private static final byte[] NO_BODY = new byte[0];

    private final QueueStore store;
    private final JoinOperation join;
    private final StatusOperation status;
    private final EnterOperation enter;
    private final LeaveOperation leave;
    private final RateLimiter rateLimiter;
    private final AbandonedUserSweeper sweeper;
    private final BodyReceiver bodyReceiver;
    private final RedisOutageLog outages = new RedisOutageLog();

    QueueApiHandler(QueueStore store, JoinOperation join, AbandonedUserSweeper sweeper, BodyReceiver bodyReceiver,
            InjectedRegressions injected) {
        this.store = store;
        this.join = join;
        this.status = new StatusOperation(store, injected);
        this.enter = new EnterOperation(store, injected);
        this.leave = new LeaveOperation(store);
        this.rateLimiter = store.settings().rateLimitEnabled() ? new RateLimiter(store) : null;
        this.sweeper = sweeper;
        this.bodyReceiver = bodyReceiver;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        String traceId = Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
        exchange.getResponseHeaders().put(JsonResponses.TRACE_ID_HEADER, traceId);
        String path = exchange.getRequestPath();
        HttpString allowed = ALLOWED_METHODS.get(path);
        boolean hasBody = BodyReceiver.hasBody(exchange);
        try {
            RequestInput.requireHeadWithinLimits(exchange);
        } catch (QueueException e) {
            closeAfterAnswerWhenBodyUnread(exchange, hasBody);
            JsonResponses.error(exchange, e.error(), e.getMessage(), traceId);
            return;
        }
        if (allowed == null || !allowed.toString().equals(exchange.getRequestMethod().toString())) {
            closeAfterAnswerWhenBodyUnread(exchange, hasBody);
            refuse(exchange, path, allowed, traceId);
        } else if (path.equals(HEALTHZ)) {
            // Liveness is answered here, on the I/O thread, so busy workers cannot make the gateway look dead.
            closeAfterAnswerWhenBodyUnread(exchange, hasBody);
            JsonResponses.send(exchange, 200, "{\"status\":\"ok\"}");
        } else if (hasBody) {
            bodyReceiver.receive(exchange, traceId,
                    (received, body) -> received.dispatch(worker -> serve(worker, body, traceId)));
        } else {
            exchange.dispatch(worker -> serve(worker, NO_BODY, traceId));
        }
    }

    /** A body answered without being read is not worth draining: the connection closes after the answer. */
    private static void closeAfterAnswerWhenBodyUnread(HttpServerExchange exchange, boolean hasBody) {
        if (hasBody) {
            exchange.setPersistent(false);
        }
    }

    private static void refuse(HttpServerExchange exchange, String path, HttpString allowed, String traceId) {
        if (allowed == null) {
            JsonResponses.error(exchange, QueueError.NOT_FOUND, "no endpoint at " + path, traceId);
            return;
        }
        exchange.getResponseHeaders().put(Headers.ALLOW, allowed.toString());
        // Methods are case-sensitive (RFC 9110, 9.1): "post" is not POST, though Undertow's HttpString would say so.
        JsonResponses.error(exchange, QueueError.METHOD_NOT_ALLOWED,
                exchange.getRequestMethod() + " is not allowed on " + path + "; use " + allowed, traceId);
    }

    /** Runs on a worker thread, with the whole body (empty when there was none): the Redis calls block. */
    private void serve(HttpServerExchange exchange, byte[] body, String traceId) {
        try {
            route(exchange, body);
            outages.succeeded();
        } catch (QueueException e) {
            JsonResponses.error(exchange, e.error(), e.getMessage(), traceId);
        } catch (RuntimeException e) {
            String outage = RedisFailures.outageReason(e);
            if (outage != null) {
                outages.failed(e);
                JsonResponses.error(exchange, QueueError.REDIS_UNAVAILABLE, outage, traceId);
            } else {
                LOG.error("trace_id={} {} {} failed", traceId, exchange.getRequestMethod(),
                        exchange.getRequestPath(), e);
                JsonResponses.error(exchange, QueueError.INTERNAL_ERROR, "internal error", traceId);
            }
        }
    }

    private void route(HttpServerExchange exchange, byte[] body) {
        switch (exchange.getRequestPath()) {
            case JOIN -> {
                rateLimit(exchange);
                handleJoin(exchange, body);
            }
            case STATUS -> {
                rateLimit(exchange);
                JsonResponses.send(exchange, 200, JsonResponses.status(
                        status.status(RequestInput.idQueryParameter(exchange, "token"))));
            }
            case ENTER -> {
                rateLimit(exchange);
                JsonNode json = RequestInput.jsonObject(body);
                JsonResponses.send(exchange, 200, JsonResponses.granted(
                        enter.enter(RequestInput.idField(json, "waiting_token"))));
            }
            case LEAVE -> {
                rateLimit(exchange);
                leave.leave(RequestInput.idQueryParameter(exchange, "token"));
                JsonResponses.send(exchange, 200, "{\"status\":\"left\"}");
            }
            case READYZ -> {
                store.primary().ping();
                if (store.hasSeparateReader()) {
                    store.reader().ping();
                }
                JsonResponses.send(exchange, 200, "{\"status\":\"ready\"}");
            }
            default -> throw new IllegalStateException("no route for " + exchange.getRequestPath());
        }
    }

    private void handleJoin(HttpServerExchange exchange, byte[] body) {
        JsonNode json = RequestInput.jsonObject(body);
        String eventId = RequestInput.idField(json, "event_id");
        String userId = RequestInput.idField(json, "user_id");
        String idempotencyKey = RequestInput.optionalIdHeader(exchange, "Idempotency-Key");
        JoinOperation.Joined joined = join.join(eventId, userId, idempotencyKey);
        sweeper.watch(eventId);
        JsonResponses.send(exchange, 202, JsonResponses.joined(joined));
    }

    private void rateLimit(HttpServerExchange exchange) {
        if (rateLimiter != null) {
            rateLimiter.check(clientAddress(exchange));
        }
    }

    /** The first X-Forwarded-For hop when behind a load balancer, else the peer's address. */
    private static String clientAddress(HttpServerExchange exchange) {
        String forwarded = exchange.getRequestHeaders().getFirst(FORWARDED_FOR);
        if (forwarded != null && !forwarded.isBlank()) {
            int comma = forwarded.indexOf(',');
            String first = (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
            if (!first.isEmpty() && first.length() <= 64) {
                return first;
            }
        }
        InetSocketAddress peer = exchange.getSourceAddress();
        return peer == null ? "unknown" : peer.getAddress().getHostAddress();
    }
}
