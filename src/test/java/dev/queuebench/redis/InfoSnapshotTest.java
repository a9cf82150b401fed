package dev.queuebench.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InfoSnapshotTest {
    private static final String INFO = String.join("\r\n",
            "# Server", "redis_version:7.0.15", "",
            "# CPU", "used_cpu_sys:1.250000", "used_cpu_user:2.500000",
            "used_cpu_sys_main_thread:1.000000", "used_cpu_user_main_thread:2.000000", "",
            "# Commandstats",
            "cmdstat_evalsha:calls=1200,usec=6000,usec_per_call=5.00,rejected_calls=0,failed_calls=3",
            "cmdstat_client|list:calls=2,usec=40,usec_per_call=20.00,rejected_calls=1,failed_calls=0", "",
            "# Latencystats", "latency_percentiles_usec_evalsha:p50=4.015,p99=11.007,p99.9=30.079", "",
            "# Keyspace", "db0:keys=10,expires=4,avg_ttl=1000", "db3:keys=5,expires=0,avg_ttl=0", "");

    @Test
    void readsPlainFieldsCommandStatsLatenciesAndKeys() {
        InfoSnapshot info = InfoSnapshot.parse(INFO);
        assertEquals("7.0.15", info.text("redis_version").orElseThrow());
        assertEquals(2.0, info.doubleValue("used_cpu_user_main_thread").orElseThrow());
        assertEquals(new InfoSnapshot.CommandStat("evalsha", 1200, 6000, 0, 3), info.commands().get("evalsha"));
        assertEquals(1, info.commands().get("client|list").rejectedCalls());
        assertEquals(11.007, info.latencies().get("evalsha").p99Micros());
        assertEquals(30.079, info.latencies().get("evalsha").p999Micros());
        assertEquals(15, info.keyCount());
    }

    @Test
    void missingOrMalformedValuesAreAbsentNotZero() {
        InfoSnapshot info = InfoSnapshot.parse("used_memory:abc\nnot a field\n");
        assertTrue(info.longValue("used_memory").isEmpty());
        assertTrue(info.longValue("maxmemory").isEmpty());
        assertEquals(0, info.keyCount());
    }
}
