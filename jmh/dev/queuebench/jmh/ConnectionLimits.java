package dev.queuebench.jmh;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.queuebench.bench.BenchmarkTarget;
import dev.queuebench.redis.InfoSnapshot;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import redis.clients.jedis.Jedis;

/**
 * Checks, before opening many connections, that both ends can hold them: this JVM's file-descriptor
 * limit (each connection is one descriptor) and Redis's {@code maxclients} (INFO clients, Redis 7+).
 * Fails with what to change rather than with a "Too many open files" half-way through a trial.
 */
final class ConnectionLimits {
    /** Descriptors this JVM needs besides the connections: jars, the pool, JMH's link, the profiler. */
    static final long SPARE_DESCRIPTORS = 256;

    private ConnectionLimits() {
    }

    static void check(int idleConnections) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof UnixOperatingSystemMXBean unix) {
            long neededDescriptors = unix.getOpenFileDescriptorCount() + idleConnections + SPARE_DESCRIPTORS;
            if (neededDescriptors > unix.getMaxFileDescriptorCount()) {
                throw new IllegalStateException("Holding " + idleConnections + " connections needs about "
                        + neededDescriptors + " file descriptors but this JVM may open "
                        + unix.getMaxFileDescriptorCount() + ": raise the limit (ulimit -n "
                        + Math.max(8192, neededDescriptors) + ", or LimitNOFILE in a systemd unit) and run again");
            }
        }
        try (Jedis redis = BenchmarkTarget.adminConnection()) {
            InfoSnapshot clients = InfoSnapshot.parse(redis.info("clients"));
            long connected = clients.longValue("connected_clients").orElse(0);
            clients.longValue("maxclients").ifPresent(maxClients -> {
                if (connected + idleConnections + SPARE_DESCRIPTORS > maxClients) {
                    throw new IllegalStateException("Redis accepts at most " + maxClients + " clients and has "
                            + connected + ": " + idleConnections + " more would hit 'max number of clients reached'. "
                            + "Raise maxclients (and the redis-server's ulimit -n) or use fewer idle connections");
                }
            });
        }
    }
}
