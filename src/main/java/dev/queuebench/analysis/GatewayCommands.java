package dev.queuebench.analysis;

import java.util.Map;
import java.util.Set;

/**
 * The Redis commands the reference gateway sends ({@code gateway/}) and the ones its Lua scripts
 * call ({@code lua/enqueue.lua}, {@code admission_bucket.lua}, {@code rate_limit_bucket.lua}),
 * named as INFO commandstats names them (lower case, {@code container|subcommand}).
 * commandstats counts every client of the server, so only these can be said to be on the
 * gateway's request path; and Redis counts a command a script calls twice, in its own
 * {@code cmdstat_<command>} and inside the script's {@code cmdstat_evalsha}, so these tell how much
 * of a script's time its inner commands took. {@code GatewayCommandsIT} holds the sets to what a
 * real gateway sends.
 */
final class GatewayCommands {
    /** Commands that run a Lua script: their time includes the commands the script calls. */
    static final Set<String> SCRIPT_COMMANDS = Set.of("evalsha", "eval", "evalsha_ro", "eval_ro", "fcall",
            "fcall_ro");
    /**
     * What the gateway sends itself: its operations and sweeper, the scripts it loads and runs, its
     * health check, and Jedis's connection set-up (HELLO, CLIENT SETNAME).
     */
    static final Set<String> SENT_DIRECTLY = Set.of("get", "set", "del", "exists", "expire", "zadd", "zrem",
            "zrank", "zcard", "zcount", "zrange", "zremrangebyscore", "xrange", "evalsha", "script|load",
            "ping", "hello", "client|setname");
    /** What the gateway's scripts call: enqueue.lua EXISTS, XADD, SETEX; both buckets HMGET, HSET, EXPIRE; TIME. */
    static final Set<String> CALLED_BY_SCRIPTS = Set.of("exists", "xadd", "setex", "hmget", "hset", "expire", "time");

    private GatewayCommands() {
    }

    /** True when the gateway sends this command, itself or from one of its scripts. */
    static boolean sends(String command) {
        return SENT_DIRECTLY.contains(command) || CALLED_BY_SCRIPTS.contains(command);
    }

    /**
     * How many of a command's calls the gateway's scripts made, from commandstats calls by command.
     * HMGET, HSET, TIME, XADD and SETEX are sent by scripts only: all their calls. Each bucket
     * script sends one HMGET and one EXPIRE a call, so EXPIRE from scripts = HMGET's calls;
     * enqueue.lua, the one script without HMGET, sends one EXISTS a call, so EXISTS from scripts =
     * script calls that ran a script − HMGET's calls. Every estimate is kept within 0 and the command's calls.
     */
    static double callsFromScripts(String command, Map<String, Double> callsByCommand) {
        double calls = callsByCommand.getOrDefault(command, 0.0);
        double hmget = callsByCommand.getOrDefault("hmget", 0.0);
        double estimate = switch (command) {
            case "hmget", "hset", "time", "xadd", "setex" -> calls;
            case "expire" -> hmget;
            case "exists" -> scriptCalls(callsByCommand) - hmget;
            default -> 0;
        };
        return Math.max(0, Math.min(calls, estimate));
    }

    /**
     * Script calls that ran a script: an EVALSHA answered NOSCRIPT ran nothing, and the gateway
     * follows each such reply with one SCRIPT LOAD.
     */
    private static double scriptCalls(Map<String, Double> callsByCommand) {
        return SCRIPT_COMMANDS.stream().mapToDouble(c -> callsByCommand.getOrDefault(c, 0.0)).sum()
                - callsByCommand.getOrDefault("script|load", 0.0);
    }
}
