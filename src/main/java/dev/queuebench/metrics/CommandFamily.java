package dev.queuebench.metrics;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one place that says which ElastiCache command-family metric each Redis command counts in,
 * following ElastiCache's definitions: a data-structure family (EvalBasedCmds, KeyBasedCmds,
 * HashBasedCmds, ListBasedCmds, SortedSetBasedCmds, StreamBasedCmds) and, across families, read-only
 * commands in GetTypeCmds and writes in SetTypeCmds. A command may count in two metrics (ZADD is a
 * SortedSetBasedCmds and a SetTypeCmds); EVAL-family commands are neither read nor write. Commands not
 * listed (CLIENT, INFO, PING, CONFIG, set-type SADD…) count only in TotalCmds and their own
 * {@code cmd.*} columns. The table mirrors Redis 7's command groups and readonly/write flags.
 */
public final class CommandFamily {
    /** Every family metric, so a second without calls in a family still has its 0 row. */
    public static final Set<ServerMetric> METRICS = Set.copyOf(EnumSet.of(ServerMetric.EvalBasedCmds,
            ServerMetric.GetTypeCmds, ServerMetric.SetTypeCmds, ServerMetric.KeyBasedCmds,
            ServerMetric.SortedSetBasedCmds, ServerMetric.StreamBasedCmds, ServerMetric.HashBasedCmds,
            ServerMetric.ListBasedCmds));

    private static final Map<String, Set<ServerMetric>> FAMILIES = new HashMap<>();

    static {
        map(ServerMetric.EvalBasedCmds, "", "eval evalsha eval_ro evalsha_ro fcall fcall_ro");
        map(ServerMetric.KeyBasedCmds, "r", "exists type ttl pttl expiretime pexpiretime keys scan randomkey "
                + "dump object touch");
        map(ServerMetric.KeyBasedCmds, "w", "del unlink expire pexpire expireat pexpireat persist rename renamenx "
                + "move copy restore sort migrate");
        map(null, "r", "get mget strlen getrange substr lcs");
        map(null, "w", "set setex psetex setnx mset msetnx getset getdel getex append incr incrby incrbyfloat "
                + "decr decrby setrange");
        map(ServerMetric.HashBasedCmds, "r", "hget hmget hgetall hkeys hvals hlen hexists hstrlen hscan "
                + "hrandfield");
        map(ServerMetric.HashBasedCmds, "w", "hset hsetnx hmset hdel hincrby hincrbyfloat");
        map(ServerMetric.ListBasedCmds, "r", "lrange llen lindex lpos");
        map(ServerMetric.ListBasedCmds, "w", "lpush lpushx rpush rpushx lpop rpop linsert lset lrem ltrim "
                + "rpoplpush lmove blpop brpop brpoplpush blmove lmpop blmpop");
        map(null, "r", "scard smembers sismember smismember srandmember sscan sinter sunion sdiff sintercard");
        map(null, "w", "sadd srem spop smove sinterstore sunionstore sdiffstore");
        map(ServerMetric.SortedSetBasedCmds, "r", "zrange zrangebyscore zrevrange zrevrangebyscore zrangebylex "
                + "zrevrangebylex zrank zrevrank zscore zmscore zcard zcount zlexcount zscan zrandmember zinter "
                + "zunion zdiff zintercard");
        map(ServerMetric.SortedSetBasedCmds, "w", "zadd zincrby zrem zremrangebyscore zremrangebyrank "
                + "zremrangebylex zpopmin zpopmax bzpopmin bzpopmax zmpop bzmpop zrangestore zinterstore "
                + "zunionstore zdiffstore");
        map(ServerMetric.StreamBasedCmds, "r", "xrange xrevrange xlen xread xpending xinfo");
        map(ServerMetric.StreamBasedCmds, "w", "xadd xdel xtrim xack xclaim xautoclaim xgroup xreadgroup "
                + "xsetid");
    }

    private CommandFamily() {
    }

    /**
     * The family metrics a command's calls count in; empty for commands in none.
     *
     * @param command as in {@code INFO commandstats}, any case; subcommands ({@code xinfo|stream}) count
     *                as their parent
     */
    public static Set<ServerMetric> of(String command) {
        String lower = command.toLowerCase(Locale.ROOT);
        int bar = lower.indexOf('|');
        Set<ServerMetric> families = FAMILIES.get(bar < 0 ? lower : lower.substring(0, bar));
        return families == null ? Set.of() : Set.copyOf(families);
    }

    private static void map(ServerMetric family, String access, String commands) {
        for (String command : commands.split(" ")) {
            Set<ServerMetric> families = FAMILIES.computeIfAbsent(command, name -> EnumSet.noneOf(ServerMetric.class));
            if (family != null) {
                families.add(family);
            }
            if (access.equals("r")) {
                families.add(ServerMetric.GetTypeCmds);
            } else if (access.equals("w")) {
                families.add(ServerMetric.SetTypeCmds);
            }
        }
    }
}
