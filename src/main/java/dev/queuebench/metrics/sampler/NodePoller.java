package dev.queuebench.metrics.sampler;

import dev.queuebench.metrics.NodeRole;
import dev.queuebench.redis.InfoSnapshot;
import dev.queuebench.redis.RedisClients;
import dev.queuebench.redis.RedisEndpoint;
import dev.queuebench.redis.RedisTls;
import dev.queuebench.rundir.EventsCsv;
import java.util.Optional;
import java.util.function.Consumer;
import redis.clients.jedis.Jedis;

/**
 * Reads {@code INFO everything} from one endpoint over a dedicated connection (named
 * {@value #CLIENT_NAME} in CLIENT LIST). When the endpoint stops answering it says so once, drops the
 * connection, reconnects on the next poll, and says when it is back: the seconds in between have no
 * sample. INFO only, so it works on ElastiCache, where CONFIG is not allowed. What changed at the
 * endpoint ({@link NodeChanges}) goes onto the run's timeline.
 */
final class NodePoller implements AutoCloseable {
    static final String CLIENT_NAME = "queuebench-sampler";

    private final NodeRole role;
    private final RedisEndpoint endpoint;
    private final RedisTls tls;
    private final int timeoutMillis;
    private final Consumer<String> console;
    private final NodeChanges changes;
    private final Consumer<EventsCsv.Event> timeline;
    private Jedis connection;
    private long downSinceEpochSec = -1;

    /** @param timeline where what changed at the endpoint goes (the run's events.csv) */
    NodePoller(NodeRole role, RedisEndpoint endpoint, RedisTls tls, int timeoutMillis, Consumer<String> console,
            Consumer<EventsCsv.Event> timeline) {
        this.role = role;
        this.endpoint = endpoint;
        this.tls = tls;
        this.timeoutMillis = timeoutMillis;
        this.console = console;
        this.changes = new NodeChanges(role.column() + " " + endpoint.redacted());
        this.timeline = timeline;
    }

    /** One INFO reply for the tick {@code epochSec}, or empty when the endpoint did not answer. */
    Optional<InfoReading> poll(long epochSec) {
        try {
            if (connection == null) {
                connection = RedisClients.single(endpoint, tls, timeoutMillis);
                connection.clientSetname(CLIENT_NAME);
            }
            String reply = connection.info("everything");
            InfoReading reading = new InfoReading(InfoSnapshot.parse(reply), epochSec, System.nanoTime() / 1000);
            changes.answered(System.currentTimeMillis(), reading.info()).forEach(timeline);
            if (downSinceEpochSec >= 0) {
                console.accept("Sampler: " + describe() + " answers again; no samples for the "
                        + (epochSec - downSinceEpochSec) + " s before");
                downSinceEpochSec = -1;
            }
            return Optional.of(reading);
        } catch (RuntimeException e) {
            closeConnection();
            changes.unanswered(System.currentTimeMillis(), String.valueOf(e.getMessage())).forEach(timeline);
            if (downSinceEpochSec < 0) {
                downSinceEpochSec = epochSec;
                console.accept("Sampler: " + describe() + " did not answer INFO (" + e.getMessage()
                        + "); retrying every second, the missing seconds stay gaps in server.csv");
            }
            return Optional.empty();
        }
    }

    NodeRole role() {
        return role;
    }

    String describe() {
        return role.column() + " " + endpoint.redacted();
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (RuntimeException alreadyBroken) {
                // The connection failed already; closing it can only fail the same way.
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        closeConnection();
    }
}
