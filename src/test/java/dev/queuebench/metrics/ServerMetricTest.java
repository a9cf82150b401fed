package dev.queuebench.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import dev.queuebench.rundir.PlainDecimal;

class ServerMetricTest {
    @Test
    void theDocsTableIsTheEnumsTable() throws IOException {
        String docs = Files.readString(Path.of("docs/server-metrics.md"));
        assertTrue(docs.contains(ServerMetric.markdownTable()),
                "docs/server-metrics.md's table differs from ServerMetric.markdownTable():\n" + ServerMetric.markdownTable());
    }

    @Test
    void commandsCountInTheirElastiCacheFamilies() {
        assertEquals(Set.of(ServerMetric.EvalBasedCmds), CommandFamily.of("evalsha"));
        assertEquals(Set.of(ServerMetric.EvalBasedCmds), CommandFamily.of("FCALL_RO"));
        assertEquals(Set.of(ServerMetric.SortedSetBasedCmds, ServerMetric.SetTypeCmds), CommandFamily.of("zadd"));
        assertEquals(Set.of(ServerMetric.SortedSetBasedCmds, ServerMetric.GetTypeCmds), CommandFamily.of("zrank"));
        assertEquals(Set.of(ServerMetric.StreamBasedCmds, ServerMetric.GetTypeCmds), CommandFamily.of("xinfo|stream"));
        assertEquals(Set.of(ServerMetric.KeyBasedCmds, ServerMetric.SetTypeCmds), CommandFamily.of("expire"));
        assertEquals(Set.of(ServerMetric.GetTypeCmds), CommandFamily.of("get"));
        assertEquals(Set.of(), CommandFamily.of("client|setname"));
        assertEquals("cmd.client|list.calls_per_sec", CommandMetric.CALLS_PER_SEC.columnFor("CLIENT|LIST"));
    }

    @Test
    void valuesAreWrittenAsPlainDecimals() {
        assertEquals("0.0001", PlainDecimal.format(0.00009));
        assertEquals("12345678901", PlainDecimal.format(12_345_678_901.0));
        assertEquals("0", PlainDecimal.format(-0.00001));
        assertEquals("53.25", PlainDecimal.format(53.25));
    }
}
