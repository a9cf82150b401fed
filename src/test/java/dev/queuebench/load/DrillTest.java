package dev.queuebench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DrillTest {
    @Test
    void drillsParseFromTheCommandLinesForm() {
        assertEquals(new Drill(Drill.Kind.PAUSE, 2000, 20), Drill.parse("pause:2000@20"));
        assertEquals(new Drill(Drill.Kind.KILL_CONNECTIONS, 0, 30), Drill.parse("kill-connections@30"));
        assertEquals(new Drill(Drill.Kind.RESTART, 0, 0), Drill.parse("RESTART@0"));
        assertEquals(new Drill(Drill.Kind.FAILOVER, 0, 12), Drill.parse("failover@12"));
        assertEquals(new Drill(Drill.Kind.RESTART, 0, 7, true), Drill.parse("restart:rdb@7"));
        assertEquals(new Drill(Drill.Kind.ELASTICACHE_FAILOVER, 0, 60), Drill.parse("elasticache-failover@60"));
        for (String bad : new String[] {"pause@20", "restart:5@1", "pause:x@2", "pause:2000", "pause:2000@-1",
            "failover:2@3", "promote@3", "restart:aof@3", "kill-connections:rdb@3", "@5", "pause:0@5"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Drill.parse(bad), bad);
            assertTrue(e.getMessage().contains("--drill") || e.getMessage().contains("drill"), e.getMessage());
        }
    }
}
