package dev.queuebench.jmh;

import dev.queuebench.gateway.GatewaySettings;
import dev.queuebench.gateway.QueueKeys;
import java.util.List;
import java.util.Locale;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * admission_bucket.lua on {@code admission:bucket:<evt>} with the gateway's capacity and refill and its
 * clock in seconds. Commands: HMGET tokens ts; HSET tokens ts; EXPIRE (3 round trips). Pipelined: HMGET,
 * then HSET + EXPIRE (2 round trips).
 */
final class AdmissionBucketWorkload implements ScriptWorkload {
    private static final GatewaySettings SETTINGS = GatewaySettings.defaults();

    @Override
    public ScriptCall nextCall(KeySpread spread, String uniqueId) {
        return new ScriptCall(List.of(QueueKeys.admissionBucket(spread.pick("evt"))),
                List.of(Integer.toString(SETTINGS.bucketCapacityTokens()),
                        Integer.toString(SETTINGS.bucketRefillPerSec()),
                        // The clock here is the script's "now" argument, as the gateway passes it: data, not timing.
                        String.format(Locale.ROOT, "%.3f", System.currentTimeMillis() / 1000.0), "1"));
    }

    @Override
    public Object asCommands(UnifiedJedis redis, ScriptCall call) {
        List<String> state = redis.hmget(call.key(0), "tokens", "ts");
        TokenBucket bucket = take(call, state);
        redis.hset(call.key(0), bucket.hashFields());
        redis.expire(call.key(0), TokenBucket.expirySec(call));
        return bucket.allowed();
    }

    @Override
    public Object asPipelines(UnifiedJedis redis, ScriptCall call) {
        List<String> state = redis.hmget(call.key(0), "tokens", "ts");
        TokenBucket bucket = take(call, state);
        try (AbstractPipeline pipeline = redis.pipelined()) {
            Response<Long> written = pipeline.hset(call.key(0), bucket.hashFields());
            pipeline.expire(call.key(0), TokenBucket.expirySec(call));
            pipeline.sync();
            return written.get() + bucket.allowed();
        }
    }

    private static TokenBucket take(ScriptCall call, List<String> state) {
        return TokenBucket.take(state.get(0), state.get(1), Double.parseDouble(call.arg(0)),
                Double.parseDouble(call.arg(1)), Double.parseDouble(call.arg(2)), Double.parseDouble(call.arg(3)));
    }
}
