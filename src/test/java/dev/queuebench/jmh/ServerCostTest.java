package dev.queuebench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.redis.InfoSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The profiler's arithmetic on INFO cpu + stats + commandstats recorded from redis-server 7.0.15
 * (src/test/resources/info/): between the two snapshots redis-cli sent 100 EVALSHA of
 * admission_bucket.lua and 20 GET (120 operations) over 24 new connections, plus one COMMAND DOCS of its own.
 */
class ServerCostTest {
    private static final long OPS = 120;

    @Test
    void mainThreadCpuMicrosPerOp() throws IOException {
        // used_cpu_sys_main_thread 0.003444 -> 0.011532 s, user 0 -> 0: 8,088 us over 120 ops.
        assertEquals(8_088.0 / OPS, cost().cpuMicrosPerOp().getAsDouble(), 1e-9);
    }

    @Test
    void processCpuWhenTheMainThreadFieldsAreMissing() throws IOException {
        // Redis before 6.2 has no *_main_thread fields: used_cpu_sys 0.003553 -> 0.011680 s.
        ServerCost cost = new ServerCost(withoutMainThread(read("redis-7.0-before.txt")),
                withoutMainThread(read("redis-7.0-after.txt")), OPS);
        assertEquals(8_127.0 / OPS, cost.cpuMicrosPerOp().getAsDouble(), 1e-9);
    }

    @Test
    void commandsPerOpCountScriptsInnerCommandsButNotTheProfilersInfo() throws IOException {
        // evalsha 100 + hmget 100 + hset 100 + expire 100 + get 20 + command|docs 1; info and script|load excluded.
        assertEquals(421.0 / OPS, cost().commandsPerOp(), 1e-9);
    }

    @Test
    void newConnectionsPerOp() throws IOException {
        // total_connections_received 3 -> 27.
        assertEquals(24.0 / OPS, cost().newConnectionsPerOp().getAsDouble(), 1e-9);
    }

    @Test
    void microsPerCallMostCalledFirst() throws IOException {
        Map<String, Double> costs = cost().microsPerCallByCommand();
        assertEquals(List.of("evalsha", "hmget", "hset", "expire", "get", "command|docs"), List.copyOf(costs.keySet()));
        assertEquals(16.65, costs.get("evalsha"), 1e-9);
        assertEquals(53.0 / 20, costs.get("get"), 1e-9);
    }

    @Test
    void countersThatWentBackwardsAreLeftOut() throws IOException {
        // Snapshots swapped: a restart or CONFIG RESETSTAT between them.
        ServerCost cost = new ServerCost(read("redis-7.0-after.txt"), read("redis-7.0-before.txt"), OPS);
        assertTrue(cost.cpuMicrosPerOp().isEmpty());
        assertTrue(cost.newConnectionsPerOp().isEmpty());
        assertEquals(0.0, cost.commandsPerOp());
    }

    @Test
    void needsAtLeastOneOperation() throws IOException {
        InfoSnapshot info = read("redis-7.0-before.txt");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ServerCost(info, info, 0));
        assertEquals("ops must be at least 1, got 0", e.getMessage());
    }

    private static ServerCost cost() throws IOException {
        return new ServerCost(read("redis-7.0-before.txt"), read("redis-7.0-after.txt"), OPS);
    }

    private static InfoSnapshot withoutMainThread(InfoSnapshot info) {
        StringBuilder text = new StringBuilder();
        info.fields().forEach((name, value) -> {
            if (!name.endsWith("_main_thread")) {
                text.append(name).append(':').append(value).append("\r\n");
            }
        });
        return InfoSnapshot.parse(text.toString());
    }

    private static InfoSnapshot read(String name) throws IOException {
        try (InputStream in = ServerCostTest.class.getResourceAsStream("/info/" + name)) {
            return InfoSnapshot.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
