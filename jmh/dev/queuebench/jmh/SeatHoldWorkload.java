package dev.queuebench.jmh;

import java.util.List;
import java.util.Objects;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * seat_hold.lua: a reservation holding a seat chosen by the key spread for 30 s. With {@link KeySpread#HOT}
 * one seat is fought over and most calls lose (GET only); spread seats are mostly free (GET + SET).
 * Commands: GET seat; SET seat token EX 30 when free or ours (2 round trips). Pipelined: the same two, as
 * the SET depends on the GET.
 */
final class SeatHoldWorkload implements ScriptWorkload {
    static final int HOLD_TTL_SEC = 30;

    @Override
    public ScriptCall nextCall(KeySpread spread, String uniqueId) {
        return new ScriptCall(List.of(seatKey(spread)), List.of("reservation-" + uniqueId, Integer.toString(HOLD_TTL_SEC)));
    }

    static String seatKey(KeySpread spread) {
        return "seat:" + spread.pick("seat");
    }

    @Override
    public Object asCommands(UnifiedJedis redis, ScriptCall call) {
        String holder = redis.get(call.key(0));
        if (holder == null || Objects.equals(holder, call.arg(0))) {
            redis.set(call.key(0), call.arg(0), SetParams.setParams().ex(Long.parseLong(call.arg(1))));
            return 1L;
        }
        return 0L;
    }

    @Override
    public Object asPipelines(UnifiedJedis redis, ScriptCall call) {
        return asCommands(redis, call);
    }
}
