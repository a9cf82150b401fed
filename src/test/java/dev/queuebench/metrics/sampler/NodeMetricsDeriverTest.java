package dev.queuebench.metrics.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.rundir.MetricRow;
import dev.queuebench.metrics.NodeRole;
import dev.queuebench.redis.InfoSnapshot;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Recorded INFO pairs (trimmed to the fields used) turned into server.csv rows, with exact answers. */
class NodeMetricsDeriverTest {
    private static final String BEFORE = String.join("\r\n",
            "run_id:aaa", "uptime_in_seconds:100", "server_time_usec:1000000000",
            "connected_clients:7", "used_memory:1000", "maxmemory:4000", "total_system_memory:100000",
            "total_connections_received:50", "total_commands_processed:1000", "expired_keys:3", "evicted_keys:0",
            "keyspace_hits:10", "keyspace_misses:4", "total_net_input_bytes:5000", "total_net_output_bytes:9000",
            "used_cpu_sys:1.0", "used_cpu_user:2.0", "used_cpu_sys_main_thread:0.5", "used_cpu_user_main_thread:1.5",
            "master_repl_offset:10000",
            "cmdstat_evalsha:calls=100,usec=1000,usec_per_call=10.00,rejected_calls=0,failed_calls=0",
            "cmdstat_zadd:calls=10,usec=50,usec_per_call=5.00,rejected_calls=0,failed_calls=0",
            "db0:keys=5,expires=1,avg_ttl=0");
    private static final String AFTER_2_SEC = String.join("\r\n",
            "run_id:aaa", "uptime_in_seconds:102", "server_time_usec:1002000000",
            "connected_clients:9", "used_memory:2000", "maxmemory:4000", "total_system_memory:100000",
            "total_connections_received:54", "total_commands_processed:1600", "expired_keys:7", "evicted_keys:2",
            "keyspace_hits:30", "keyspace_misses:8", "total_net_input_bytes:7000", "total_net_output_bytes:13000",
            "used_cpu_sys:1.2", "used_cpu_user:2.4", "used_cpu_sys_main_thread:0.6", "used_cpu_user_main_thread:1.8",
            "master_repl_offset:12000",
            "cmdstat_evalsha:calls=500,usec=4000,usec_per_call=8.00,rejected_calls=0,failed_calls=0",
            "cmdstat_zadd:calls=30,usec=150,usec_per_call=5.00,rejected_calls=0,failed_calls=0",
            "cmdstat_get:calls=40,usec=40,usec_per_call=1.00,rejected_calls=0,failed_calls=0",
            "latency_percentiles_usec_evalsha:p50=7.007,p99=20.095,p99.9=41.215",
            "db0:keys=8,expires=1,avg_ttl=0", "db2:keys=1,expires=0,avg_ttl=0");

    @Test
    void ratesAreDeltasOverTheServersElapsedTimeAndGaugesAreAsShown() {
        NodeMetricsDeriver deriver = new NodeMetricsDeriver(NodeRole.PRIMARY, OptionalLong.empty());
        Map<String, Double> first = byMetric(deriver.next(reading(BEFORE, 100), NodeMetricsDeriver.PrimaryOffset.UNKNOWN));
        assertFalse(first.containsKey("TotalCmds"), "no rates on the first sample");
        assertEquals(25.0, first.get("DatabaseMemoryUsagePercentage"));

        Map<String, Double> rows = byMetric(deriver.next(reading(AFTER_2_SEC, 101), NodeMetricsDeriver.PrimaryOffset.UNKNOWN));
        assertEquals(300.0, rows.get("TotalCmds"));
        assertEquals(2.0, rows.get("NewConnections"));
        assertEquals(2.0, rows.get("Reclaimed"));
        assertEquals(1.0, rows.get("Evictions"));
        assertEquals(10.0, rows.get("CacheHits"));
        assertEquals(2.0, rows.get("CacheMisses"));
        assertEquals(1000.0, rows.get("NetworkBytesIn"));
        assertEquals(2000.0, rows.get("NetworkBytesOut"));
        assertEquals(20.0, rows.get("EngineCPUUtilization"), 1e-9);
        assertEquals(30.0, rows.get("ProcessCPUUtilization"), 1e-9);
        assertEquals(50.0, rows.get("DatabaseMemoryUsagePercentage"));
        assertEquals(2000.0, rows.get("BytesUsedForCache"));
        assertEquals(9.0, rows.get("CurrConnections"));
        assertEquals(9.0, rows.get("CurrItems"));
        assertEquals(12000.0, rows.get("MasterReplOffset"));
        assertEquals(200.0, rows.get("cmd.evalsha.calls_per_sec"));
        assertEquals(1500.0, rows.get("cmd.evalsha.cpu_micros_per_sec"));
        assertEquals(20.095, rows.get("cmd.evalsha.p99_micros"));
        assertEquals(41.215, rows.get("cmd.evalsha.p999_micros"));
        assertEquals(200.0, rows.get("EvalBasedCmds"));
        assertEquals(10.0, rows.get("SortedSetBasedCmds"));
        assertEquals(10.0, rows.get("SetTypeCmds"));
        assertEquals(20.0, rows.get("GetTypeCmds"));
        assertEquals(0.0, rows.get("StreamBasedCmds"));
        assertEquals(1000.0, deriver.offsetBytesPerSec().getAsDouble());
        assertFalse(rows.containsKey("CounterReset"));
    }

    @Test
    void aNewRunIdIsACounterResetWithGaugesOnly() {
        NodeMetricsDeriver deriver = new NodeMetricsDeriver(NodeRole.PRIMARY, OptionalLong.empty());
        deriver.next(reading(AFTER_2_SEC, 100), NodeMetricsDeriver.PrimaryOffset.UNKNOWN);
        List<MetricRow> rows = deriver.next(reading(BEFORE.replace("run_id:aaa", "run_id:bbb"), 101),
                NodeMetricsDeriver.PrimaryOffset.UNKNOWN);
        Map<String, Double> byName = byMetric(rows);
        assertEquals(1.0, byName.get("CounterReset"));
        assertEquals(7.0, byName.get("CurrConnections"));
        assertTrue(rows.stream().noneMatch(row -> row.metric().endsWith("calls_per_sec") || row.metric().equals("TotalCmds")));
    }

    @Test
    void aCounterGoingBackwardsWithTheSameRunIdIsAResetToo() {
        NodeMetricsDeriver deriver = new NodeMetricsDeriver(NodeRole.PRIMARY, OptionalLong.empty());
        deriver.next(reading(AFTER_2_SEC, 100), NodeMetricsDeriver.PrimaryOffset.UNKNOWN);
        String resetStat = AFTER_2_SEC.replace("uptime_in_seconds:102", "uptime_in_seconds:104")
                .replace("server_time_usec:1002000000", "server_time_usec:1004000000")
                .replaceAll("cmdstat_get:[^\r]*\r\n", "");
        assertEquals(1.0, byMetric(deriver.next(reading(resetStat, 102), NodeMetricsDeriver.PrimaryOffset.UNKNOWN))
                .get("CounterReset"), "CONFIG RESETSTAT removed cmdstat_get");
    }

    @Test
    void withoutMaxmemoryTheOptionThenTheHostsMemoryIsTheBasis() {
        String noLimit = BEFORE.replace("maxmemory:4000", "maxmemory:0");
        assertEquals(0.1, byMetric(new NodeMetricsDeriver(NodeRole.PRIMARY, OptionalLong.of(1_000_000))
                .next(reading(noLimit, 1), NodeMetricsDeriver.PrimaryOffset.UNKNOWN)).get("DatabaseMemoryUsagePercentage"));
        assertEquals(1.0, byMetric(new NodeMetricsDeriver(NodeRole.PRIMARY, OptionalLong.empty())
                .next(reading(noLimit, 1), NodeMetricsDeriver.PrimaryOffset.UNKNOWN)).get("DatabaseMemoryUsagePercentage"));
    }

    @Test
    void withoutMainThreadFieldsEngineCpuFallsBackToTheProcess() {
        NodeMetricsDeriver deriver = new NodeMetricsDeriver(NodeRole.PRIMARY, OptionalLong.empty());
        deriver.next(reading(BEFORE.replaceAll("used_cpu_\\w+_main_thread:[0-9.]+", ""), 1),
                NodeMetricsDeriver.PrimaryOffset.UNKNOWN);
        Map<String, Double> rows = byMetric(deriver.next(reading(AFTER_2_SEC.replaceAll(
                "used_cpu_\\w+_main_thread:[0-9.]+", ""), 2), NodeMetricsDeriver.PrimaryOffset.UNKNOWN));
        assertEquals(30.0, rows.get("EngineCPUUtilization"), 1e-9);
    }

    @Test
    void theReadersLagIsItsBacklogAtThePrimarysWriteRate() {
        String replica = "slave_repl_offset:11000\r\nmaster_link_status:up\r\nrun_id:r\r\n";
        NodeMetricsDeriver reader = new NodeMetricsDeriver(NodeRole.READER, OptionalLong.empty());
        Map<String, Double> rows = byMetric(reader.next(reading(replica, 5),
                new NodeMetricsDeriver.PrimaryOffset(OptionalLong.of(12000), OptionalDouble.of(500))));
        assertEquals(2.0, rows.get("ReplicationLag"));
        assertEquals(11000.0, rows.get("ReplicaReplOffset"));
        Map<String, Double> caughtUp = byMetric(new NodeMetricsDeriver(NodeRole.READER, OptionalLong.empty())
                .next(reading(replica, 5), new NodeMetricsDeriver.PrimaryOffset(OptionalLong.of(11000), OptionalDouble.of(0))));
        assertEquals(0.0, caughtUp.get("ReplicationLag"));
        Map<String, Double> down = byMetric(new NodeMetricsDeriver(NodeRole.READER, OptionalLong.empty()).next(
                reading("master_link_status:down\r\nmaster_link_down_since_seconds:12\r\n", 5),
                NodeMetricsDeriver.PrimaryOffset.UNKNOWN));
        assertEquals(12.0, down.get("ReplicationLag"));
    }

    private static InfoReading reading(String info, long epochSec) {
        return new InfoReading(InfoSnapshot.parse(info), epochSec, epochSec * 1_000_000);
    }

    private static Map<String, Double> byMetric(List<MetricRow> rows) {
        return rows.stream().collect(Collectors.toMap(MetricRow::metric, MetricRow::value));
    }
}
