package dev.queuebench.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.queuebench.redis.ScriptExecutor;
import java.time.Clock;
import redis.clients.jedis.UnifiedJedis;

/**
 * What every queue operation needs: the primary, the reader (the primary itself when no reader
 * endpoint is configured), the Lua scripts, the settings and the clock. Holds no queue state: all of
 * that lives in Redis, as in the real gateway.
 */
public final class QueueStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UnifiedJedis primary;
    private final UnifiedJedis reader;
    private final ScriptExecutor scripts;
    private final GatewaySettings settings;
    private final Clock clock;

    public QueueStore(UnifiedJedis primary, UnifiedJedis reader, GatewaySettings settings, Clock clock) {
        this.primary = primary;
        this.reader = reader == null ? primary : reader;
        this.scripts = new ScriptExecutor(primary);
        this.settings = settings;
        this.clock = clock;
    }

    public UnifiedJedis primary() {
        return primary;
    }

    /** Where status reads go: the reader endpoint when configured, else the primary. */
    public UnifiedJedis reader() {
        return reader;
    }

    public boolean hasSeparateReader() {
        return reader != primary;
    }

    public ScriptExecutor scripts() {
        return scripts;
    }

    public GatewaySettings settings() {
        return settings;
    }

    public long nowMillis() {
        return clock.millis();
    }

    static String toJson(QueueEntry entry) {
        try {
            return JSON.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise queue entry " + entry.waitingToken(), e);
        }
    }

    /** Parses a stored entry; a corrupt one is treated as absent, so the user is told to rejoin. */
    static QueueEntry fromJson(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, QueueEntry.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
