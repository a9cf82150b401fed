package dev.queuebench.redis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One parsed {@code INFO} reply (any sections, {@code INFO everything} included): the plain
 * {@code name:value} fields, plus the structured lines of {@code commandstats},
 * {@code latencystats} and {@code keyspace}. Works on ElastiCache, where INFO is allowed and
 * CONFIG is not. Unknown and malformed lines are kept out rather than guessed at.
 */
public final class InfoSnapshot {
    private static final String COMMAND_PREFIX = "cmdstat_";
    private static final String LATENCY_PREFIX = "latency_percentiles_usec_";

    private final Map<String, String> fields;
    private final Map<String, CommandStat> commands;
    private final Map<String, CommandLatency> latencies;
    private final long keyCount;

    private InfoSnapshot(Map<String, String> fields, Map<String, CommandStat> commands,
            Map<String, CommandLatency> latencies, long keyCount) {
        this.fields = fields;
        this.commands = commands;
        this.latencies = latencies;
        this.keyCount = keyCount;
    }

    /** Calls, total CPU microseconds and failures of one command since the last reset. */
    public record CommandStat(String command, long calls, long cpuMicros, long rejectedCalls, long failedCalls) {
    }

    /** Latency percentiles of one command, in microseconds (Redis 7+ {@code latencystats}). */
    public record CommandLatency(String command, double p50Micros, double p99Micros, double p999Micros) {
    }

    public static InfoSnapshot parse(String info) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, CommandStat> commands = new LinkedHashMap<>();
        Map<String, CommandLatency> latencies = new LinkedHashMap<>();
        long keys = 0;
        for (String line : info.split("\r?\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            if (name.startsWith(COMMAND_PREFIX)) {
                Map<String, String> parts = pairs(value);
                String command = name.substring(COMMAND_PREFIX.length());
                commands.put(command, new CommandStat(command, longOf(parts.get("calls")),
                        longOf(parts.get("usec")), longOf(parts.get("rejected_calls")),
                        longOf(parts.get("failed_calls"))));
            } else if (name.startsWith(LATENCY_PREFIX)) {
                Map<String, String> parts = pairs(value);
                String command = name.substring(LATENCY_PREFIX.length());
                latencies.put(command, new CommandLatency(command, doubleOf(parts.get("p50")),
                        doubleOf(parts.get("p99")), doubleOf(parts.get("p99.9"))));
            } else if (name.matches("db\\d+")) {
                keys += longOf(pairs(value).get("keys"));
                fields.put(name, value);
            } else {
                fields.put(name, value);
            }
        }
        return new InfoSnapshot(Collections.unmodifiableMap(fields), Collections.unmodifiableMap(commands),
                Collections.unmodifiableMap(latencies), keys);
    }

    public Optional<String> text(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    public OptionalLong longValue(String name) {
        String value = fields.get(name);
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException notALong) {
            return OptionalLong.empty();
        }
    }

    public OptionalDouble doubleValue(String name) {
        String value = fields.get(name);
        if (value == null) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(value));
        } catch (NumberFormatException notANumber) {
            return OptionalDouble.empty();
        }
    }

    /** Commands by lower-case name ({@code evalsha}, {@code client|list}). */
    public Map<String, CommandStat> commands() {
        return commands;
    }

    public Map<String, CommandLatency> latencies() {
        return latencies;
    }

    /** Keys summed over every {@code dbN} line of the keyspace section (0 when it is empty). */
    public long keyCount() {
        return keyCount;
    }

    public Map<String, String> fields() {
        return fields;
    }

    private static Map<String, String> pairs(String value) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String pair : value.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                parts.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return parts;
    }

    private static long longOf(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notALong) {
            return 0;
        }
    }

    private static double doubleOf(String value) {
        if (value == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException notANumber) {
            return Double.NaN;
        }
    }
}
