package dev.queuebench.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * HAProxy as a replication group's primary endpoint, the part of ElastiCache Multi-AZ that a DNS name
 * plays there: it routes new connections to whichever node answers {@code role:master} (checked every
 * {@value #CHECK_INTERVAL_MILLIS} ms), and when that node stops being primary it closes the connections
 * to it ({@code on-marked-down shutdown-sessions}), as ElastiCache does to the old primary's clients. With
 * two nodes claiming primary for a moment during a promotion, {@code balance first} sends every connection
 * to the first of them, never to both.
 */
final class PrimaryEndpointProxy implements AutoCloseable {
    static final int CHECK_INTERVAL_MILLIS = 500;
    private static final long START_TIMEOUT_MILLIS = 10_000;

    private final ServerProcess process;
    private final int port;

    private PrimaryEndpointProxy(ServerProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts HAProxy on a free loopback port in front of these node ports. */
    static PrimaryEndpointProxy start(Path haproxy, Path directory, List<Integer> nodePorts) {
        int port = FreePorts.loopback();
        Path config = directory.resolve("haproxy.cfg");
        try {
            Files.writeString(config, config(port, nodePorts), StandardCharsets.UTF_8);
            ServerProcess process = ServerProcess.launch(List.of(haproxy.toString(), "-db", "-f", config.toString()),
                    directory.resolve("haproxy.log"));
            awaitListening(process, port);
            return new PrimaryEndpointProxy(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start HAProxy (" + haproxy + "): " + e.getMessage(), e);
        }
    }

    static String config(int port, List<Integer> nodePorts) {
        StringBuilder text = new StringBuilder(String.join("\n",
                "global",
                "  maxconn 4096",
                "defaults",
                "  mode tcp",
                "  timeout connect 2s",
                "  timeout client 1h",
                "  timeout server 1h",
                "  timeout check 1s",
                "frontend primary_endpoint",
                "  bind " + EmbeddedRedis.HOST + ":" + port,
                "  default_backend current_primary",
                "backend current_primary",
                "  balance first",
                "  option tcp-check",
                "  tcp-check connect",
                "  tcp-check send PING\\r\\n",
                "  tcp-check expect string +PONG",
                "  tcp-check send INFO\\ replication\\r\\n",
                "  tcp-check expect string role:master",
                "  tcp-check send QUIT\\r\\n",
                "  tcp-check expect string +OK",
                ""));
        for (int i = 0; i < nodePorts.size(); i++) {
            text.append("  server node").append(i + 1).append(' ').append(EmbeddedRedis.HOST).append(':')
                    .append(nodePorts.get(i)).append(" check inter ").append(CHECK_INTERVAL_MILLIS)
                    .append(" fall 1 rise 1 on-marked-down shutdown-sessions\n");
        }
        return text.toString();
    }

    private static void awaitListening(ServerProcess process, int port) {
        long deadlineNanos = System.nanoTime() + START_TIMEOUT_MILLIS * 1_000_000;
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("HAProxy exited while starting on port " + port + ". Its last output:\n"
                        + process.outputTail());
            }
            try (java.net.Socket socket = new java.net.Socket(EmbeddedRedis.HOST, port)) {
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadlineNanos) {
                    process.stop();
                    throw new IllegalStateException("HAProxy did not listen on port " + port + " within "
                            + START_TIMEOUT_MILLIS + " ms. Its last output:\n" + process.outputTail());
                }
                Sleeps.millis(20);
            }
        }
    }

    int port() {
        return port;
    }

    String outputTail() {
        return process.outputTail();
    }

    @Override
    public void close() {
        process.stop();
    }
}
