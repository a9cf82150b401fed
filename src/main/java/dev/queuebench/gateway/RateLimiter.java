package dev.queuebench.gateway;

import dev.queuebench.redis.QueueScript;
import java.util.List;

/**
 * The real gateway's rate-limit middleware: one EVALSHA of rate_limit_bucket.lua per API request, on
 * {@code ratelimit:<client address>}, with Redis's own clock. It costs a Redis round trip on every
 * request, which is why the reference gateway keeps it even when its limit is generous.
 */
public final class RateLimiter {
    private final QueueStore store;
    private final List<String> args;

    public RateLimiter(QueueStore store) {
        this.store = store;
        GatewaySettings settings = store.settings();
        this.args = List.of(Integer.toString(settings.rateLimitCapacityTokens()),
                Integer.toString(settings.rateLimitRefillPerSec()), "1");
    }

    /** Throws 429 {@code RATE_LIMITED} when the client's bucket is empty. */
    public void check(String clientAddress) {
        Object reply = store.scripts().evalsha(QueueScript.RATE_LIMIT_BUCKET,
                List.of(QueueKeys.rateLimit(clientAddress)), args);
        if (!ScriptReplies.allowed(reply)) {
            throw new QueueException(QueueError.RATE_LIMITED, "too many requests from " + clientAddress);
        }
    }
}
