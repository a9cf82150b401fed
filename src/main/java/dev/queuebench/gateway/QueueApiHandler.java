package dev.queuebench.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.net.InetSocketAddress;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the four queue endpoints and the two probes, runs the rate-limit middleware, and turns
 * every failure into the real gateway's error JSON. Runs on Undertow's worker threads: the Redis
 * calls block.
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

    private final QueueStore store;
    private final JoinOperation join;
    private final StatusOperation status;
    private final EnterOperation enter;
    private final LeaveOperation leave;
    private final RateLimiter rateLimiter;
    private final AbandonedUserSweeper sweeper;

    QueueApiHandler(QueueStore store, JoinOperation join, AbandonedUserSweeper sweeper, InjectedRegressions injected) {
        this.store = store;
        this.join = join;
        this.status = new StatusOperation(store, injected);
        this.enter = new EnterOperation(store);
        this.leave = new LeaveOperation(store);
        this.rateLimiter = store.settings().rateLimitEnabled() ? new RateLimiter(store) : null;
        this.sweeper = sweeper;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        String traceId = Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
        exchange.getResponseHeaders().put(JsonResponses.TRACE_ID_HEADER, traceId);
        try {
            route(exchange);
        } catch (QueueException e) {
            JsonResponses.error(exchange, e.error(), e.getMessage(), traceId);
        } catch (RuntimeException e) {
            String outage = RedisFailures.outageReason(e);
            if (outage != null) {
                JsonResponses.error(exchange, QueueError.REDIS_UNAVAILABLE, outage, traceId);
            } else {
                LOG.error("trace_id={} {} {} failed", traceId, exchange.getRequestMethod(),
                        exchange.getRequestPath(), e);
                JsonResponses.error(exchange, QueueError.INTERNAL_ERROR, "internal error", traceId);
            }
        }
    }

    private void route(HttpServerExchange exchange) {
        String path = exchange.getRequestPath();
        switch (path) {
            case JOIN -> {
                requireMethod(exchange, Methods.POST);
                rateLimit(exchange);
                handleJoin(exchange);
            }
            case STATUS -> {
                requireMethod(exchange, Methods.GET);
                rateLimit(exchange);
                JsonResponses.send(exchange, 200, JsonResponses.status(
                        status.status(RequestInput.idQueryParameter(exchange, "token"))));
            }
            case ENTER -> {
                requireMethod(exchange, Methods.POST);
                rateLimit(exchange);
                JsonNode body = RequestInput.jsonObject(exchange, store.settings().maxBodyBytes());
                JsonResponses.send(exchange, 200, JsonResponses.granted(
                        enter.enter(RequestInput.idField(body, "waiting_token"))));
            }
            case LEAVE -> {
                requireMethod(exchange, Methods.DELETE);
                rateLimit(exchange);
                leave.leave(RequestInput.idQueryParameter(exchange, "token"));
                JsonResponses.send(exchange, 200, "{\"status\":\"left\"}");
            }
            case HEALTHZ -> {
                requireMethod(exchange, Methods.GET);
                JsonResponses.send(exchange, 200, "{\"status\":\"ok\"}");
            }
            case READYZ -> {
                requireMethod(exchange, Methods.GET);
                store.primary().ping();
                if (store.hasSeparateReader()) {
                    store.reader().ping();
                }
                JsonResponses.send(exchange, 200, "{\"status\":\"ready\"}");
            }
            default -> throw new QueueException(QueueError.NOT_FOUND, "no endpoint at " + path);
        }
    }

    private void handleJoin(HttpServerExchange exchange) {
        JsonNode body = RequestInput.jsonObject(exchange, store.settings().maxBodyBytes());
        String eventId = RequestInput.idField(body, "event_id");
        String userId = RequestInput.idField(body, "user_id");
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

    private static void requireMethod(HttpServerExchange exchange, HttpString method) {
        if (!method.equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().put(Headers.ALLOW, method.toString());
            throw new QueueException(QueueError.METHOD_NOT_ALLOWED,
                    exchange.getRequestMethod() + " is not allowed on " + exchange.getRequestPath() + "; use " + method);
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
