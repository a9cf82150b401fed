package dev.queuebench.jmh;

import java.util.List;
import java.util.Objects;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * seat_release.lua by the reservation that holds the seat: {@link #prepare} holds it first with one SET
 * (untimed, but counted by the server-side profiler: subtract one SET from its commands per operation).
 * Commands: GET seat; DEL seat (2 round trips). Pipelined: the same two, as the DEL depends on the GET.
 */
final class SeatReleaseWorkload implements ScriptWorkload {
    @Override
    public ScriptCall nextCall(KeySpread spread, String uniqueId) {
        return new ScriptCall(List.of(SeatHoldWorkload.seatKey(spread)), List.of("reservation-" + uniqueId));
    }

    @Override
    public void prepare(UnifiedJedis redis, ScriptCall call) {
        redis.set(call.key(0), call.arg(0), SetParams.setParams().ex(SeatHoldWorkload.HOLD_TTL_SEC));
    }

    @Override
    public Object asCommands(UnifiedJedis redis, ScriptCall call) {
        if (Objects.equals(redis.get(call.key(0)), call.arg(0))) {
            redis.del(call.key(0));
            return 1L;
        }
        return 0L;
    }

    @Override
    public Object asPipelines(UnifiedJedis redis, ScriptCall call) {
        return asCommands(redis, call);
    }
}
