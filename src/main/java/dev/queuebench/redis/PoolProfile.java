package dev.queuebench.redis;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import redis.clients.jedis.ConnectionPoolConfig;

/**
 * A connection pool and timeout setting, named after the capacity plan's go-redis/redigo settings
 * and applied to Jedis's commons-pool2 pool.
 *
 * <p>Mapping from the plan's terms (go-redis v8 / redigo) onto Jedis:
 * <table>
 *   <caption>Plan term to commons-pool2 / Jedis</caption>
 *   <tr><th>plan</th><th>field</th><th>Jedis</th></tr>
 *   <tr><td>MaxActive (redigo), PoolSize (go-redis)</td><td>{@code maxActive}</td>
 *       <td>{@code maxTotal}</td></tr>
 *   <tr><td>MaxIdle</td><td>{@code maxIdle}</td><td>{@code maxIdle}</td></tr>
 *   <tr><td>MinIdleConns (go-redis)</td><td>{@code minIdle}</td><td>{@code minIdle}</td></tr>
 *   <tr><td>IdleTimeout</td><td>{@code idleTimeoutSec}</td>
 *       <td>{@code minEvictableIdleDuration}, checked every {@code min(60 s, idleTimeoutSec)}
 *       ({@code timeBetweenEvictionRuns}; go-redis v8's IdleCheckFrequency is 1 minute), all idle
 *       connections checked per run; 0 turns eviction off (redigo's "no timeout")</td></tr>
 *   <tr><td>DialTimeout / ConnectTimeout</td><td>{@code connectTimeoutMillis}</td>
 *       <td>{@code connectionTimeoutMillis}</td></tr>
 *   <tr><td>ReadTimeout, WriteTimeout</td><td>{@code readTimeoutMillis}, {@code writeTimeoutMillis}</td>
 *       <td>Jedis has a single socket timeout, so both become
 *       {@code socketTimeoutMillis = max(readTimeoutMillis, writeTimeoutMillis)}: a write that stalls
 *       is bounded by the larger of the two</td></tr>
 *   <tr><td>PoolTimeout (go-redis)</td><td>{@code borrowTimeoutMillis}</td>
 *       <td>{@code maxWait} with {@code blockWhenExhausted}; 0 fails at once when the pool is
 *       exhausted, like redigo's {@code Wait: false}</td></tr>
 * </table>
 *
 * <p>The presets are the plan's three settings. Where the plan states no timeouts ({@code current},
 * {@code emergency}) they get go-redis's defaults: DialTimeout 5 s, ReadTimeout 3 s, WriteTimeout =
 * ReadTimeout, PoolTimeout = ReadTimeout + 1 s = 4 s; {@code recommended} states connect 5 s, read 3 s,
 * write 3 s and gets PoolTimeout 4 s the same way. No preset keeps idle connections open on purpose:
 * {@code minIdle} is 0, go-redis's MinIdleConns default. {@code custom} starts from go-redis's idle
 * timeout default of 5 minutes and the same timeouts, and must be given {@code maxActive} and
 * {@code maxIdle}.
 *
 * <p>Spec format for {@link #parse(String)}: a preset name ({@value #CURRENT}, {@value #EMERGENCY},
 * {@value #RECOMMENDED}) optionally followed by {@code ,key=value} overrides, e.g.
 * {@code recommended,maxActive=300,readTimeoutMillis=500}; or {@code custom,maxActive=..,maxIdle=..}
 * with any further keys. Keys are the record's component names; values are non-negative integers.
 * The resulting {@link #name()} is the spec in canonical form, so it identifies the setting in a
 * run's records.
 *
 * @param name                 the preset name, or the canonical spec when overridden
 * @param maxActive            most connections open at once (borrowed plus idle), at least 1
 * @param maxIdle              most idle connections kept open, at most {@code maxActive}
 * @param minIdle              idle connections the evictor keeps open, at most {@code maxIdle}
 * @param idleTimeoutSec       an idle connection older than this is closed; 0 never closes one
 * @param connectTimeoutMillis TCP (and TLS) connect timeout, at least 1
 * @param readTimeoutMillis    reply timeout, at least 1
 * @param writeTimeoutMillis   write timeout, at least 1
 * @param borrowTimeoutMillis  wait for a free connection when all are in use; 0 fails at once
 */
public record PoolProfile(String name, int maxActive, int maxIdle, int minIdle, int idleTimeoutSec,
        int connectTimeoutMillis, int readTimeoutMillis, int writeTimeoutMillis, int borrowTimeoutMillis) {

    public static final String CURRENT = "current";
    public static final String EMERGENCY = "emergency";
    public static final String RECOMMENDED = "recommended";
    public static final String CUSTOM = "custom";

    /** go-redis DialTimeout default. */
    static final int GO_REDIS_CONNECT_TIMEOUT_MILLIS = 5_000;
    /** go-redis ReadTimeout default; its WriteTimeout defaults to the ReadTimeout. */
    static final int GO_REDIS_READ_TIMEOUT_MILLIS = 3_000;
    /** go-redis PoolTimeout default: ReadTimeout + 1 s. */
    static final int GO_REDIS_POOL_TIMEOUT_MILLIS = GO_REDIS_READ_TIMEOUT_MILLIS + 1_000;
    /** go-redis v8 IdleTimeout default, the starting point of {@code custom}. */
    static final int GO_REDIS_IDLE_TIMEOUT_SEC = 300;
    /** go-redis v8 IdleCheckFrequency default: the longest pause between idle-connection checks. */
    public static final int EVICTION_RUN_INTERVAL_MAX_SEC = 60;

    private static final List<PoolProfile> PRESETS = List.of(
            // Today's gateway: MaxIdle 10, MaxActive 100, IdleTimeout 240 s.
            new PoolProfile(CURRENT, 100, 10, 0, 240, GO_REDIS_CONNECT_TIMEOUT_MILLIS,
                    GO_REDIS_READ_TIMEOUT_MILLIS, GO_REDIS_READ_TIMEOUT_MILLIS, GO_REDIS_POOL_TIMEOUT_MILLIS),
            // The plan's emergency step (with the gateway scaled from 16 to 8 pods).
            new PoolProfile(EMERGENCY, 50, 5, 0, 120, GO_REDIS_CONNECT_TIMEOUT_MILLIS,
                    GO_REDIS_READ_TIMEOUT_MILLIS, GO_REDIS_READ_TIMEOUT_MILLIS, GO_REDIS_POOL_TIMEOUT_MILLIS),
            // The plan's setting for 30k requests/s.
            new PoolProfile(RECOMMENDED, 200, 20, 0, 180, 5_000, 3_000, 3_000, GO_REDIS_POOL_TIMEOUT_MILLIS));

    private static final List<String> KEYS = List.of("maxActive", "maxIdle", "minIdle", "idleTimeoutSec",
            "connectTimeoutMillis", "readTimeoutMillis", "writeTimeoutMillis", "borrowTimeoutMillis");

    /** Validates the relations between the fields, naming the field and its allowed range. */
    public PoolProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("pool profile name must not be empty");
        }
        requireAtLeast("maxActive", maxActive, 1, name);
        requireAtLeast("maxIdle", maxIdle, 0, name);
        requireAtLeast("minIdle", minIdle, 0, name);
        requireAtLeast("idleTimeoutSec", idleTimeoutSec, 0, name);
        requireAtLeast("connectTimeoutMillis", connectTimeoutMillis, 1, name);
        requireAtLeast("readTimeoutMillis", readTimeoutMillis, 1, name);
        requireAtLeast("writeTimeoutMillis", writeTimeoutMillis, 1, name);
        requireAtLeast("borrowTimeoutMillis", borrowTimeoutMillis, 0, name);
        if (maxIdle > maxActive) {
            throw new IllegalArgumentException("pool profile '" + name + "': maxIdle (" + maxIdle
                    + ") must not exceed maxActive (" + maxActive + ")");
        }
        if (minIdle > maxIdle) {
            throw new IllegalArgumentException("pool profile '" + name + "': minIdle (" + minIdle
                    + ") must not exceed maxIdle (" + maxIdle + ")");
        }
    }

    private static void requireAtLeast(String key, int value, int minimum, String profile) {
        if (value < minimum) {
            throw new IllegalArgumentException("pool profile '" + profile + "': " + key + " must be at least "
                    + minimum + ", got " + value);
        }
    }

    /** The plan's three settings: current, emergency, recommended. */
    public static List<PoolProfile> presets() {
        return PRESETS;
    }

    /**
     * Parses a spec (format in the class comment).
     *
     * @throws IllegalArgumentException for an unknown preset or key, a missing or malformed value,
     *     or a value out of range; the message lists what is valid
     */
    public static PoolProfile parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("pool profile is empty: use one of " + validNames());
        }
        String[] parts = spec.strip().split(",", -1);
        String base = parts[0].strip().toLowerCase(Locale.ROOT);
        Map<String, Integer> values = new LinkedHashMap<>();
        if (base.equals(CUSTOM)) {
            values.put("minIdle", 0);
            values.put("idleTimeoutSec", GO_REDIS_IDLE_TIMEOUT_SEC);
            values.put("connectTimeoutMillis", GO_REDIS_CONNECT_TIMEOUT_MILLIS);
            values.put("readTimeoutMillis", GO_REDIS_READ_TIMEOUT_MILLIS);
            values.put("writeTimeoutMillis", GO_REDIS_READ_TIMEOUT_MILLIS);
            values.put("borrowTimeoutMillis", GO_REDIS_POOL_TIMEOUT_MILLIS);
        } else {
            PoolProfile preset = PRESETS.stream().filter(p -> p.name().equals(base)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown pool profile '" + parts[0].strip()
                            + "': use one of " + validNames()));
            values.putAll(preset.values());
        }

        Map<String, Integer> overrides = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String override = parts[i].strip();
            int equals = override.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("pool profile '" + spec + "': '" + override
                        + "' is not key=value; keys: " + String.join(", ", KEYS));
            }
            String key = override.substring(0, equals).strip();
            String text = override.substring(equals + 1).strip();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("pool profile '" + spec + "': unknown key '" + key
                        + "'; keys: " + String.join(", ", KEYS));
            }
            if (overrides.containsKey(key)) {
                throw new IllegalArgumentException("pool profile '" + spec + "': " + key + " is given twice");
            }
            if (!text.matches("[0-9]{1,9}")) {
                throw new IllegalArgumentException("pool profile '" + spec + "': " + key
                        + " must be a non-negative whole number, got '" + text + "'");
            }
            overrides.put(key, Integer.parseInt(text));
        }
        if (base.equals(CUSTOM) && (!overrides.containsKey("maxActive") || !overrides.containsKey("maxIdle"))) {
            throw new IllegalArgumentException("pool profile '" + spec
                    + "': custom needs at least maxActive and maxIdle, e.g. custom,maxActive=100,maxIdle=10");
        }
        if (overrides.isEmpty()) {
            return fromValues(base, values);
        }
        values.putAll(overrides);
        String name = base + overrides.entrySet().stream()
                .map(e -> "," + e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining());
        return fromValues(name, values);
    }

    private static PoolProfile fromValues(String name, Map<String, Integer> values) {
        return new PoolProfile(name, values.get("maxActive"), values.get("maxIdle"), values.get("minIdle"),
                values.get("idleTimeoutSec"), values.get("connectTimeoutMillis"), values.get("readTimeoutMillis"),
                values.get("writeTimeoutMillis"), values.get("borrowTimeoutMillis"));
    }

    private Map<String, Integer> values() {
        Map<String, Integer> values = new LinkedHashMap<>();
        values.put("maxActive", maxActive);
        values.put("maxIdle", maxIdle);
        values.put("minIdle", minIdle);
        values.put("idleTimeoutSec", idleTimeoutSec);
        values.put("connectTimeoutMillis", connectTimeoutMillis);
        values.put("readTimeoutMillis", readTimeoutMillis);
        values.put("writeTimeoutMillis", writeTimeoutMillis);
        values.put("borrowTimeoutMillis", borrowTimeoutMillis);
        return values;
    }

    private static String validNames() {
        return PRESETS.stream().map(PoolProfile::name).collect(Collectors.joining(", "))
                + ", or custom,maxActive=N,maxIdle=N (overrides: " + String.join(", ", KEYS) + ")";
    }

    /** Jedis has one socket timeout for reads and writes: the larger of the two (see class comment). */
    public int socketTimeoutMillis() {
        return Math.max(readTimeoutMillis, writeTimeoutMillis);
    }

    /**
     * How often idle connections are checked: min(60 s, idleTimeoutSec); 0 when eviction is off. A
     * connection can sit idle up to idleTimeoutSec + this before the pool closes it.
     */
    public int evictionRunIntervalSec() {
        return idleTimeoutSec > 0 ? Math.min(EVICTION_RUN_INTERVAL_MAX_SEC, idleTimeoutSec) : 0;
    }

    /** The commons-pool2 configuration (mapping in the class comment). */
    public ConnectionPoolConfig toPoolConfig() {
        ConnectionPoolConfig config = new ConnectionPoolConfig();
        config.setMaxTotal(maxActive);
        config.setMaxIdle(maxIdle);
        config.setMinIdle(minIdle);
        config.setBlockWhenExhausted(true);
        config.setMaxWait(Duration.ofMillis(borrowTimeoutMillis));
        if (idleTimeoutSec > 0) {
            config.setMinEvictableIdleDuration(Duration.ofSeconds(idleTimeoutSec));
            config.setTimeBetweenEvictionRuns(Duration.ofSeconds(evictionRunIntervalSec()));
        } else {
            config.setMinEvictableIdleDuration(Duration.ofMillis(-1));
            config.setTimeBetweenEvictionRuns(Duration.ofMillis(-1));
        }
        // Check every idle connection on each run, not commons-pool2's default of 3.
        config.setNumTestsPerEvictionRun(-1);
        // A PING on idle connections finds the ones Redis closed (its 'timeout 300') before a request does.
        config.setTestWhileIdle(true);
        return config;
    }
}
