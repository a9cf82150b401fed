package dev.queuebench.gateway;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.UnifiedJedis;

/**
 * The reference gateway's HTTP server: Undertow, with its non-blocking I/O threads parsing HTTP and
 * a pool of worker threads making the blocking Redis calls. Undertow was chosen for its cost per
 * request on two cores (see the README's performance section for the measurement).
 *
 * <p>The server does not own the Redis clients: whoever opened them closes them.
 */
public final class GatewayServer implements AutoCloseable {
    /**
     * A silent connection is closed this long after the body deadline, so that a stalled body is
     * answered 408 by the deadline before the socket's read timeout closes the connection unanswered.
     */
    private static final int DEADLINE_ANSWER_MARGIN_MILLIS = 2_000;
    /** The request line and headers together; above it Undertow answers a bare 400 and closes. */
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    /** {@code a:\r\n} */
    private static final int SHORTEST_HEADER_LINE_BYTES = 4;
    /** {@code a&} */
    private static final int SHORTEST_PARAMETER_BYTES = 2;

    /**
     * @param host              address to bind; loopback unless the gateway must be reachable from elsewhere
     * @param port              0 picks a free port
     * @param ioThreads         Undertow I/O threads (HTTP parsing); one per core is right
     * @param workerThreads     threads that run requests and wait on Redis; should exceed the pool's MaxActive
     *                          for pool contention to show as it does in the real gateway
     * @param requestTimeoutMillis a request whose headers do not arrive within this time is dropped; one
     *                          whose body does not is answered 408 and its connection closed
     */
    public record Options(String host, int port, int ioThreads, int workerThreads, int requestTimeoutMillis) {
        public Options {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
            }
            if (ioThreads < 1 || workerThreads < 1) {
                throw new IllegalArgumentException("ioThreads and workerThreads must be >= 1");
            }
            if (requestTimeoutMillis < 1) {
                throw new IllegalArgumentException("requestTimeoutMillis must be >= 1, was " + requestTimeoutMillis);
            }
        }

        public static Options loopback(int port) {
            return new Options("127.0.0.1", port, Math.max(1, Runtime.getRuntime().availableProcessors()), 16, 10_000);
        }
    }

    private final Undertow undertow;
    private final ThreadPoolExecutor followUpExecutor;
    private final AbandonedUserSweeper sweeper;
    private final int port;

    private GatewayServer(Undertow undertow, ThreadPoolExecutor followUpExecutor, AbandonedUserSweeper sweeper) {
        this.undertow = undertow;
        this.followUpExecutor = followUpExecutor;
        this.sweeper = sweeper;
        this.port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    /**
     * Starts serving the queue API.
     *
     * @param reader the reader endpoint's client, or null to read from the primary
     */
    public static GatewayServer start(Options options, UnifiedJedis primary, UnifiedJedis reader,
            GatewaySettings settings) {
        return start(options, primary, reader, settings, InjectedRegressions.none());
    }

    /** As {@link #start(Options, UnifiedJedis, UnifiedJedis, GatewaySettings)}, carrying TEST-ONLY regressions. */
    public static GatewayServer start(Options options, UnifiedJedis primary, UnifiedJedis reader,
            GatewaySettings settings, InjectedRegressions injected) {
        QueueStore store = new QueueStore(primary, reader, settings, Clock.systemUTC());
        ThreadPoolExecutor followUpExecutor = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(10_000), runnable -> {
                    Thread thread = new Thread(runnable, "join-follow-up");
                    thread.setDaemon(true);
                    return thread;
                });
        AbandonedUserSweeper sweeper = new AbandonedUserSweeper(store);
        QueueApiHandler handler = new QueueApiHandler(store, new JoinOperation(store, followUpExecutor, injected), sweeper,
                new BodyReceiver(settings.maxBodyBytes(), options.requestTimeoutMillis()), injected);
        Undertow undertow = Undertow.builder()
                .addHttpListener(options.port(), options.host())
                .setIoThreads(options.ioThreads())
                .setWorkerThreads(options.workerThreads())
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, hardBodyLimitBytes(settings))
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, options.requestTimeoutMillis())
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 60_000)
                // What Undertow refuses while parsing gets a bare 400 that no handler can give the error
                // JSON; so its only limit is the size of the head, and the counts are the handler's
                // (RequestInput.requireHeadWithinLimits).
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, MAX_HEAD_BYTES)
                .setServerOption(UndertowOptions.MAX_HEADERS, MAX_HEAD_BYTES / SHORTEST_HEADER_LINE_BYTES)
                .setServerOption(UndertowOptions.MAX_PARAMETERS, MAX_HEAD_BYTES / SHORTEST_PARAMETER_BYTES)
                .setSocketOption(org.xnio.Options.READ_TIMEOUT,
                        options.requestTimeoutMillis() + DEADLINE_ANSWER_MARGIN_MILLIS)
                .setHandler(handler)
                .build();
        try {
            undertow.start();
        } catch (RuntimeException e) {
            sweeper.close();
            followUpExecutor.shutdownNow();
            throw new IllegalStateException("cannot listen on " + options.host() + ":" + options.port()
                    + " (" + e.getMessage() + "); choose another port with --port", e);
        }
        return new GatewayServer(undertow, followUpExecutor, sweeper);
    }

    /**
     * The gateway answers 413 itself above {@code maxBodyBytes}; Undertow's own limit sits well above
     * it so that the rest of an oversized body is drained and the client reads the 413 instead of
     * a connection reset. Above this hard limit the connection is simply closed.
     */
    private static long hardBodyLimitBytes(GatewaySettings settings) {
        return Math.max(1L << 20, settings.maxBodyBytes() * 64L);
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        InetSocketAddress address = (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
        String host = address.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public void close() {
        undertow.stop();
        sweeper.close();
        followUpExecutor.shutdownNow();
    }
}
