package dev.queuebench.jmh;

import dev.queuebench.gateway.GatewaySettings;
import dev.queuebench.gateway.QueueKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.params.XAddParams;

/**
 * enqueue.lua as the join calls it: a new user (the dedupe key is the user id) on an event chosen by the
 * key spread. Commands: EXISTS dedupe; XADD stream; SETEX dedupe (3 round trips). Pipelined: EXISTS, then
 * XADD + SET EX (2 round trips: the dedupe key's value is the entry id, which only XADD's reply gives,
 * so the script's exact SETEX value needs a third; the pipelined form stores the token instead).
 */
final class EnqueueWorkload implements ScriptWorkload {
    private static final GatewaySettings SETTINGS = GatewaySettings.defaults();

    @Override
    public ScriptCall nextCall(KeySpread spread, String uniqueId) {
        String eventId = spread.pick("evt");
        String userId = "user-" + uniqueId;
        return new ScriptCall(List.of(QueueKeys.dedupe(eventId, userId), QueueKeys.userStream(eventId, userId)),
                List.of(Integer.toString(SETTINGS.dedupeTtlSec()), "waiting_token", "token-" + uniqueId,
                        // The join time stored in the queue entry, as the gateway writes it: data, not timing.
                        "event_id", eventId, "joined_at_ms", Long.toString(System.currentTimeMillis())));
    }

    @Override
    public Object asCommands(UnifiedJedis redis, ScriptCall call) {
        if (redis.exists(call.key(0))) {
            return 0L;
        }
        StreamEntryID entryId = redis.xadd(call.key(1), XAddParams.xAddParams(), streamFields(call));
        redis.setex(call.key(0), Long.parseLong(call.arg(0)), entryId.toString());
        return entryId;
    }

    @Override
    public Object asPipelines(UnifiedJedis redis, ScriptCall call) {
        if (redis.exists(call.key(0))) {
            return 0L;
        }
        try (AbstractPipeline writes = redis.pipelined()) {
            Response<StreamEntryID> entryId = writes.xadd(call.key(1), XAddParams.xAddParams(), streamFields(call));
            writes.set(call.key(0), call.arg(2), SetParams.setParams().ex(Long.parseLong(call.arg(0))));
            writes.sync();
            return entryId.get();
        }
    }

    private static Map<String, String> streamFields(ScriptCall call) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i + 1 < call.args().size(); i += 2) {
            fields.put(call.arg(i), call.arg(i + 1));
        }
        return fields;
    }
}
