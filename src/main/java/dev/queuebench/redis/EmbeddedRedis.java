package dev.queuebench.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A private redis-server on a free loopback port (127.0.0.1), for tests and for trying the harness
 * without a Redis of one's own.
 *
 * <p>What it runs: the binary {@link RedisBinary#resolve()} picks ({@code redis-server} on the PATH,
 * else the one bundled in the embedded-redis jar; {@code -Dqueuebench.redis.binary=path|bundled|<file>}
 * forces it). What it keeps: nothing. No persistence ({@code save ""}, {@code appendonly no}),
 * diskless replication, and a fresh temporary working directory per start, deleted on stop.
 *
 * <p>Secrets: the password is never on the command line (where {@code ps} shows it) nor in a file.
 * Redis starts without one, and the launcher sets {@code requirepass} (and a replica's
 * {@code masterauth}) with CONFIG SET as soon as it answers PING, before the instance is handed out.
 * During those few milliseconds a local process could connect without a password: acceptable for a
 * loopback-only test server, and the reason this is no template for production.
 *
 * <p>Lifetime: {@link #close()} (or {@link #stop()}) stops it; a JVM shutdown hook stops it on a
 * normal JVM exit or Ctrl-C; and if the JVM is killed outright (SIGKILL, crash, OOM killer), a
 * small {@code /bin/sh} watcher started next to Redis sees its stdin pipe from the JVM close and
 * sends Redis SIGTERM within milliseconds, so no orphan keeps the port. Only the temporary working
 * directory (and the extracted bundled binary) are left behind in that last case. Needs a POSIX
 * shell: Linux and macOS.
 *
 * <p>Version differences handled: on Redis 7 and later {@code enable-debug-command local} is set, so
 * DEBUG (e.g. {@code DEBUG SLEEP} to simulate a slow server) works from loopback as it does by
 * default on 6.2. Everything else given here means the same on 6.2 and 7.x.
 *
 * <p>TLS: with {@link Builder#tls(RedisTlsFiles)} Redis listens only on a TLS port ({@code port 0},
 * {@code tls-port}), does not ask clients for certificates, and {@link #endpoint()} is
 * {@code rediss://}. {@link #tlsCapable()} tells whether the binary was built with TLS: it asks the
 * running server {@code CONFIG GET tls-port}, a setting that exists only in TLS builds (in Redis 7.2+
 * built with TLS as a module, only when the module is loaded).
 */
public final class EmbeddedRedis implements AutoCloseable {
    /** The only address it listens on. */
    public static final String HOST = "127.0.0.1";
    static final long DEFAULT_START_TIMEOUT_MILLIS = 10_000;
    static final long DEFAULT_SYNC_TIMEOUT_MILLIS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);
    private static final int PORT_ATTEMPTS = 3;
    private static final int PING_ATTEMPT_TIMEOUT_MILLIS = 500;
    private static final int ADMIN_TIMEOUT_MILLIS = 5_000;
    private static final long POLL_INTERVAL_MILLIS = 20;

    private final RedisBinary binary;
    private final String password;
    private final RedisTlsFiles tlsFiles;
    private final EmbeddedRedis primary;
    private final boolean tlsReplication;
    private final long maxMemoryBytes;
    private final Map<String, String> extraConfig;
    private final long startTimeoutMillis;
    private final RedisTls adminTls;
    private final Thread shutdownHook;

    private int port;
    private Path workingDirectory;
    private ServerProcess process;
    private String version;
    private boolean tlsCapable;
    private boolean closed;

    private EmbeddedRedis(Builder builder) {
        this.binary = builder.binary != null ? builder.binary : RedisBinary.resolve();
        this.primary = builder.primary;
        // A replica with no password of its own shares its primary's, like an ElastiCache replication group.
        this.password = builder.password != null ? builder.password : primary != null ? primary.password : null;
        this.tlsFiles = builder.tlsFiles != null ? builder.tlsFiles : primary != null ? primary.tlsFiles : null;
        this.tlsReplication = primary != null && primary.tlsFiles != null;
        this.maxMemoryBytes = builder.maxMemoryBytes;
        this.extraConfig = Map.copyOf(builder.extraConfig);
        this.startTimeoutMillis = builder.startTimeoutMillis;
        // The launcher talks to its own child: trust the CA, but the certificate need not name 127.0.0.1.
        this.adminTls = tlsFiles == null ? null
                : RedisTls.trusting(tlsFiles.caCertificate()).withoutHostnameVerification();
        this.shutdownHook = new Thread(this::stop, "embedded-redis-shutdown");
    }

    public static Builder builder() {
        return new Builder();
    }

    private void startOnFreePort() {
        for (int attempt = 1; ; attempt++) {
            try {
                launch(FreePorts.loopback());
                return;
            } catch (RetryableStartFailure e) {
                if (attempt == PORT_ATTEMPTS) {
                    throw new IllegalStateException(e.getMessage() + " (tried " + PORT_ATTEMPTS + " times)", e);
                }
                LOG.debug("Retrying redis-server start on another port: {}", e.getMessage());
            }
        }
    }

    private void launch(int chosenPort) {
        Path directory;
        try {
            directory = Files.createTempDirectory("queuebench-redis-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a working directory for redis-server in "
                    + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(), e);
        }
        launch(chosenPort, directory);
    }

    /** Starts on {@code chosenPort} in {@code directory}, loading the {@code dump.rdb} it holds, if any. */
    private void launch(int chosenPort, Path directory) {
        ServerProcess started = null;
        try {
            ServerArguments arguments = new ServerArguments(binary, chosenPort, directory, tlsFiles, tlsReplication,
                    maxMemoryBytes, extraConfig);
            started = ServerProcess.launch(arguments.command(), directory.resolve("redis.log"));
            awaitPing(started, chosenPort);
            configureAfterStart(started, chosenPort);
        } catch (IOException | RuntimeException e) {
            if (started != null) {
                started.stop();
            }
            Directories.deleteQuietly(directory);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("Cannot start " + binary + ": " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
        this.process = started;
        this.port = chosenPort;
        this.workingDirectory = directory;
        LOG.info("Started redis-server {} from {} ({}) on {}:{}{}{}{}, pid {}", version, binary.source(),
                binary.path(), HOST, chosenPort, tlsFiles != null ? " with TLS" : "",
                password != null ? ", password required" : "",
                primary != null ? ", replica of " + HOST + ":" + primary.port() : "", started.pid());
    }

    private void awaitPing(ServerProcess started, int chosenPort) {
        long deadlineNanos = System.nanoTime() + startTimeoutMillis * 1_000_000;
        RedisEndpoint setupEndpoint = RedisEndpoint.local(HOST, chosenPort, tlsFiles != null, null);
        while (true) {
            if (!started.isAlive()) {
                String tail = started.outputTail();
                String message = "redis-server (" + binary + ") exited while starting on port " + chosenPort
                        + ". Its last output:\n" + tail + ServerOutput.hint(tail);
                if (tail.contains("Address already in use") || tail.contains("Text file busy")) {
                    throw new RetryableStartFailure(message);
                }
                throw new IllegalStateException(message);
            }
            try {
                RedisClients.single(setupEndpoint, adminTls, PING_ATTEMPT_TIMEOUT_MILLIS).close();
                return;
            } catch (JedisException e) {
                if (System.nanoTime() > deadlineNanos) {
                    String tail = started.outputTail();
                    throw new IllegalStateException("redis-server (" + binary + ") did not answer PING on port "
                            + chosenPort + " within " + startTimeoutMillis + " ms (last error: " + e.getMessage()
                            + "). Its last output:\n" + tail + ServerOutput.hint(tail), e);
                }
                Sleeps.millis(POLL_INTERVAL_MILLIS);
            }
        }
    }

    /** Secrets and replication go over the connection, never on the command line. */
    private void configureAfterStart(ServerProcess started, int chosenPort) {
        RedisEndpoint setupEndpoint = RedisEndpoint.local(HOST, chosenPort, tlsFiles != null, null);
        try (Jedis admin = RedisClients.single(setupEndpoint, adminTls, ADMIN_TIMEOUT_MILLIS)) {
            if (password != null) {
                admin.configSet("requirepass", password);
            }
            if (primary != null) {
                if (primary.password != null) {
                    admin.configSet("masterauth", primary.password);
                }
                admin.replicaof(HOST, primary.port());
            }
            version = InfoFields.get(admin.info("server"), "redis_version").orElse("unknown");
            tlsCapable = !admin.configGet("tls-port").isEmpty();
        } catch (JedisException e) {
            throw new IllegalStateException("redis-server on port " + chosenPort + " answered PING but could not "
                    + "be configured: " + e.getMessage() + ". Its last output:\n" + started.outputTail(), e);
        }
    }

    /**
     * Waits until this replica's link to its primary is up ({@code master_link_status:up}), i.e. it
     * has loaded the primary's data and receives its writes.
     *
     * @throws IllegalStateException when this is no replica, or the link is not up within 10 s
     */
    public void waitForSync() {
        waitForSyncMillis(DEFAULT_SYNC_TIMEOUT_MILLIS);
    }

    /** {@link #waitForSync()} with a timeout in milliseconds. */
    public void waitForSyncMillis(long timeoutMillis) {
        if (primary == null) {
            throw new IllegalStateException("waitForSync: this EmbeddedRedis on port " + port() + " is not a replica; "
                    + "build it with replicaOf(primary)");
        }
        long deadlineNanos = System.nanoTime() + timeoutMillis * 1_000_000;
        String replication = "";
        while (System.nanoTime() < deadlineNanos) {
            try (Jedis admin = RedisClients.single(endpoint(), adminTls, ADMIN_TIMEOUT_MILLIS)) {
                replication = admin.info("replication");
                if (InfoFields.get(replication, "master_link_status").filter("up"::equals).isPresent()) {
                    return;
                }
            } catch (JedisException e) {
                replication = "(INFO failed: " + e.getMessage() + ")";
            }
            Sleeps.millis(POLL_INTERVAL_MILLIS * 5);
        }
        throw new IllegalStateException("replica on port " + port() + " did not sync with its primary on port "
                + primary.port() + " within " + timeoutMillis + " ms: master_link_status="
                + InfoFields.get(replication, "master_link_status").orElse("?") + ", primary running="
                + primary.isRunning() + ". Replica's last output:\n" + currentOutputTail());
    }

    /** Stops the server and deletes its working directory; {@link #restart()} can start it again. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.stop();
        process = null;
        Directories.deleteQuietly(workingDirectory);
        LOG.debug("Stopped redis-server on {}:{}", HOST, port);
    }

    /**
     * Stops the server if it runs and starts it again on the same port with the same settings, empty
     * (nothing is persisted): for tests of clients that must survive a Redis restart.
     *
     * @throws IllegalStateException after {@link #close()}, or when the port was taken meanwhile
     */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("restart: this EmbeddedRedis on port " + port + " is closed");
        }
        stop();
        try {
            launch(port);
        } catch (RetryableStartFailure e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Saves the data set (SAVE, to {@code dump.rdb} in the working directory), stops the server and
     * starts it again on the same port from that file: a restart of a node with persistence, which
     * keeps what it held at the moment of the save and loses the writes after it.
     *
     * @throws IllegalStateException after {@link #close()}, when it is not running, or when the save fails
     */
    public synchronized void restartKeepingData() {
        if (closed || process == null) {
            throw new IllegalStateException("restartKeepingData: this EmbeddedRedis on port " + port
                    + " is not running");
        }
        try (Jedis admin = RedisClients.single(endpoint(), adminTls, ADMIN_TIMEOUT_MILLIS)) {
            admin.save();
        } catch (JedisException e) {
            throw new IllegalStateException("redis-server on port " + port + " could not SAVE before its restart: "
                    + e.getMessage(), e);
        }
        Path kept = workingDirectory;
        process.stop();
        process = null;
        try {
            launch(port, kept);
        } catch (RetryableStartFailure e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Stops the server for good and removes its shutdown hook. */
    @Override
    public synchronized void close() {
        stop();
        if (!closed) {
            closed = true;
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down: the hook runs or has run, and stop() is idempotent.
            }
        }
    }

    /** The endpoint to connect to: {@code redis://} or {@code rediss://}, with the password if one is set. */
    public synchronized RedisEndpoint endpoint() {
        return RedisEndpoint.local(HOST, port, tlsFiles != null, password);
    }

    /** The port it listens on (the TLS port when TLS is on); the same across {@link #restart()}. */
    public synchronized int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public boolean isReplica() {
        return primary != null;
    }

    public Path binaryPath() {
        return binary.path();
    }

    /** {@code PATH}, {@code bundled embedded-redis 1.4.4} or {@code file <path>}. */
    public String binarySource() {
        return binary.source();
    }

    /** {@code redis_version} from INFO server, e.g. {@code 7.0.15}. */
    public synchronized String version() {
        return version;
    }

    /** Whether this binary supports TLS (see the class comment for how it is told). */
    public synchronized boolean tlsCapable() {
        return tlsCapable;
    }

    /** The temporary working directory of the current run (or of the last one, deleted, after stop). */
    public synchronized Path workingDirectory() {
        return workingDirectory;
    }

    @Override
    public String toString() {
        return "EmbeddedRedis[" + endpoint().redacted() + ", " + binary.source() + "]";
    }

    private synchronized String currentOutputTail() {
        return process == null ? "  (not running)" : process.outputTail();
    }

    /** A start that failed for a reason another port or another try can fix. */
    private static final class RetryableStartFailure extends RuntimeException {
        RetryableStartFailure(String message) {
            super(message);
        }
    }

    /**
     * Settings for an {@link EmbeddedRedis}; each defaults to off. Settings the launcher manages
     * itself (port, bind, dir, persistence, passwords, replication, TLS) cannot be given through
     * {@link #config(String, String)}.
     */
    public static final class Builder {
        private static final Set<String> MANAGED = Set.of("port", "tls-port", "bind", "dir", "save", "appendonly",
                "daemonize", "logfile", "requirepass", "masterauth", "masteruser", "replicaof", "slaveof",
                "tls-cert-file", "tls-key-file", "tls-ca-cert-file", "tls-replication", "tls-auth-clients",
                "maxmemory", "include", "unixsocket");

        private RedisBinary binary;
        private String password;
        private RedisTlsFiles tlsFiles;
        private EmbeddedRedis primary;
        private long maxMemoryBytes;
        private final Map<String, String> extraConfig = new LinkedHashMap<>();
        private long startTimeoutMillis = DEFAULT_START_TIMEOUT_MILLIS;
        private boolean stopOnJvmExit = true;

        private Builder() {
        }

        /** Requires this password ({@code requirepass}); a replica without one uses its primary's. */
        public Builder password(String password) {
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("password must not be empty");
            }
            this.password = password;
            return this;
        }

        /** Serves TLS only, with these PEM files; a replica of a TLS primary uses the primary's by default. */
        public Builder tls(RedisTlsFiles certs) {
            certs.requireReadable();
            this.tlsFiles = certs;
            return this;
        }

        /**
         * Starts as a replica of {@code primary} (REPLICAOF 127.0.0.1 &lt;its port&gt;, with
         * {@code masterauth} when it has a password, TLS replication when it serves TLS). Call
         * {@link EmbeddedRedis#waitForSync()} before relying on its data.
         */
        public Builder replicaOf(EmbeddedRedis primary) {
            this.primary = Objects.requireNonNull(primary, "primary");
            return this;
        }

        /** {@code maxmemory} in bytes; pair it with {@code config("maxmemory-policy", ...)}. */
        public Builder maxMemoryBytes(long maxMemoryBytes) {
            if (maxMemoryBytes < 1) {
                throw new IllegalArgumentException("maxMemoryBytes must be at least 1, got " + maxMemoryBytes);
            }
            this.maxMemoryBytes = maxMemoryBytes;
            return this;
        }

        /**
         * Any other redis.conf setting, passed as {@code --key value}, e.g.
         * {@code config("maxmemory-policy", "allkeys-lru")} or {@code config("timeout", "300")}.
         */
        public Builder config(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (!key.matches("[a-z][a-z0-9-]*")) {
                throw new IllegalArgumentException("config key '" + key
                        + "' is not a redis.conf setting name (lowercase, e.g. maxmemory-policy; no leading --)");
            }
            if (MANAGED.contains(key)) {
                throw new IllegalArgumentException("config key '" + key + "' is managed by EmbeddedRedis: use the "
                        + "builder's password/tls/replicaOf/maxMemoryBytes methods instead");
            }
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("config value for '" + key + "' must be a single line");
            }
            extraConfig.put(key, value);
            return this;
        }

        /** The binary to run instead of {@link RedisBinary#resolve()}'s choice. */
        public Builder binary(RedisBinary binary) {
            this.binary = Objects.requireNonNull(binary, "binary");
            return this;
        }

        /** How long {@link #start()} waits for PING; default 10 s. */
        public Builder startTimeoutMillis(long startTimeoutMillis) {
            if (startTimeoutMillis < 1) {
                throw new IllegalArgumentException("startTimeoutMillis must be at least 1, got " + startTimeoutMillis);
            }
            this.startTimeoutMillis = startTimeoutMillis;
            return this;
        }

        /**
         * Whether a JVM shutdown hook stops the server; default true, so a JVM that exits on a signal
         * leaves no redis-server behind. False for a caller whose own shutdown hook stops it later
         * ({@code queuebench run}, which records an interrupted run against a live Redis first).
         */
        public Builder stopOnJvmExit(boolean stop) {
            this.stopOnJvmExit = stop;
            return this;
        }

        /**
         * Starts the server on a free loopback port and waits until it answers PING.
         *
         * @throws IllegalStateException when it does not start, with the tail of its output
         */
        public EmbeddedRedis start() {
            EmbeddedRedis redis = new EmbeddedRedis(this);
            redis.startOnFreePort();
            if (stopOnJvmExit) {
                Runtime.getRuntime().addShutdownHook(redis.shutdownHook);
            }
            return redis;
        }
    }
}
