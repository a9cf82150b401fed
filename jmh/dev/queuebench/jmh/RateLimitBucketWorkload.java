package dev.queuebench.jmh;

import dev.queuebench.gateway.GatewaySettings;
import dev.queuebench.gateway.QueueKeys;
import java.util.List;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.SafeEncoder;

/**
 * rate_limit_bucket.lua on {@code ratelimit:<client>} with the gateway's limits and Redis's clock.
 * Commands: TIME; HMGET tokens ts; HSET tokens ts; EXPIRE (4 round trips). Pipelined: TIME + HMGET, then
 * HSET + EXPIRE (2 round trips).
 */
final class RateLimitBucketWorkload implements ScriptWorkload {
    private static final GatewaySettings SETTINGS = GatewaySettings.defaults();
    private static final double MILLIS_PER_SEC = 1_000.0;

    @Override
    public ScriptCall nextCall(KeySpread spread, String uniqueId) {
        return new ScriptCall(List.of(QueueKeys.rateLimit(spread.pick("client"))),
                List.of(Integer.toString(SETTINGS.rateLimitCapacityTokens()),
                        Integer.toString(SETTINGS.rateLimitRefillPerSec()), "1"));
    }

    @Override
    public Object asCommands(UnifiedJedis redis, ScriptCall call) {
        Object time = redis.sendCommand(Protocol.Command.TIME);
        List<String> state = redis.hmget(call.key(0), "tokens", "ts");
        TokenBucket bucket = take(call, time, state);
        redis.hset(call.key(0), bucket.hashFields());
        redis.expire(call.key(0), TokenBucket.expirySec(call));
        return bucket.allowed();
    }

    @Override
    public Object asPipelines(UnifiedJedis redis, ScriptCall call) {
        Response<Object> time;
        Response<List<String>> state;
        try (AbstractPipeline reads = redis.pipelined()) {
            time = reads.sendCommand(Protocol.Command.TIME, new String[0]);
            state = reads.hmget(call.key(0), "tokens", "ts");
            reads.sync();
        }
        TokenBucket bucket = take(call, time.get(), state.get());
        try (AbstractPipeline writes = redis.pipelined()) {
            Response<Long> written = writes.hset(call.key(0), bucket.hashFields());
            writes.expire(call.key(0), TokenBucket.expirySec(call));
            writes.sync();
            return written.get() + bucket.allowed();
        }
    }

    /** @param time TIME's reply: seconds and microseconds, as two bulk strings */
    private static TokenBucket take(ScriptCall call, Object time, List<String> state) {
        List<?> secondsAndMicros = (List<?>) time;
        double nowMillis = Long.parseLong(SafeEncoder.encode((byte[]) secondsAndMicros.get(0))) * MILLIS_PER_SEC
                + Long.parseLong(SafeEncoder.encode((byte[]) secondsAndMicros.get(1))) / 1_000;
        return TokenBucket.take(state.get(0), state.get(1), Double.parseDouble(call.arg(0)),
                Double.parseDouble(call.arg(1)) / MILLIS_PER_SEC, nowMillis, Double.parseDouble(call.arg(2)));
    }
}
