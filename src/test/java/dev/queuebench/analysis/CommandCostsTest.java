package dev.queuebench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Commands by CPU on planted commandstats totals, whose shares and flags are known. */
class CommandCostsTest {

    /** command → {cpu µs, calls} over a run of 10 s. */
    private static List<CommandCost> rank(Object... commandCpuCalls) {
        Map<String, double[]> byCommand = new TreeMap<>();
        Map<String, Integer> seconds = new TreeMap<>();
        for (int i = 0; i < commandCpuCalls.length; i += 3) {
            String command = (String) commandCpuCalls[i];
            byCommand.put(command, new double[] {((Number) commandCpuCalls[i + 1]).doubleValue(),
                ((Number) commandCpuCalls[i + 2]).doubleValue()});
            seconds.put(command, 10);
        }
        return CommandCosts.rank(byCommand, seconds);
    }

    private static CommandCost find(List<CommandCost> ranked, String command) {
        return ranked.stream().filter(c -> c.command().equals(command)).findFirst().orElseThrow();
    }

    @Test
    void aScriptsInnerCommandsAreCountedOnceSoTheSharesAddUpTo100() {
        // 10 EVALSHA: 6 bucket scripts (HMGET, HSET, EXPIRE each) and 4 enqueues (EXISTS each);
        // EXPIRE and EXISTS are also sent by the gateway itself (10 and 10 more calls).
        List<CommandCost> ranked = rank("evalsha", 1_000, 10, "hmget", 60, 6, "hset", 30, 6, "expire", 80, 16,
                "exists", 28, 14, "get", 100, 20);

        // inner: HMGET 60 + HSET 30 + EXPIRE 6 × 5 µs + EXISTS 4 × 2 µs = 128 µs of the script's 1,000
        CommandCost evalsha = find(ranked, "evalsha");
        assertEquals(128, evalsha.innerCommandsCpuMicros(), 1e-9);
        assertEquals(872, evalsha.countedCpuMicros(), 1e-9);
        assertEquals(1_000, evalsha.cpuMicros(), 1e-9);
        // 1,298 µs measured, 128 of them twice: 1,170 µs of command CPU
        assertEquals(100 * 872 / 1_170.0, evalsha.cpuSharePct(), 1e-9);
        assertEquals(100 * 80 / 1_170.0, find(ranked, "expire").cpuSharePct(), 1e-9);
        assertEquals(100 * 100 / 1_170.0, find(ranked, "get").cpuSharePct(), 1e-9);
        assertEquals(100, ranked.stream().mapToDouble(CommandCost::cpuSharePct).sum(), 1e-9);
        assertEquals(0, find(ranked, "hmget").innerCommandsCpuMicros());
    }

    @Test
    void anEvalshaAnsweredNoscriptRanNoScriptSoItSendsNoExists() {
        // 2 of the 12 EVALSHA were answered NOSCRIPT (each followed by a SCRIPT LOAD): 4 enqueues, not 6
        List<CommandCost> ranked = rank("evalsha", 1_000, 12, "script|load", 20, 2, "hmget", 60, 6, "exists", 28, 14);

        assertEquals(60 + 4 * 2, find(ranked, "evalsha").innerCommandsCpuMicros(), 1e-9);
        assertEquals(100 * 932 / 1_040.0, find(ranked, "evalsha").cpuSharePct(), 1e-9);
    }

    @Test
    void withoutScriptsEveryCommandKeepsItsMeasuredShare() {
        List<CommandCost> ranked = rank("get", 300, 100, "set", 100, 50, "expire", 100, 20);

        assertEquals(List.of(60.0, 20.0, 20.0), ranked.stream().map(CommandCost::cpuSharePct).toList());
        assertEquals(List.of("get", "expire", "set"), ranked.stream().map(CommandCost::command).toList());
    }

    @Test
    void innerCommandsNeverTakeMoreThanTheScriptsOwnTime() {
        // a sampler that saw HSET's calls but few of EVALSHA's cannot make the script negative
        List<CommandCost> ranked = rank("evalsha", 50, 1, "hset", 200, 40, "get", 50, 5);

        assertEquals(0, find(ranked, "evalsha").cpuSharePct(), 1e-9);
        assertEquals(50, find(ranked, "evalsha").innerCommandsCpuMicros(), 1e-9);
        assertEquals(80, find(ranked, "hset").cpuSharePct(), 1e-9);
        assertEquals(20, find(ranked, "get").cpuSharePct(), 1e-9);
    }

    @Test
    void aSlowCallIsNotADataWalkingCommandButKeysAndALargeXrangeAre() {
        List<CommandCost> ranked = rank("evalsha", 1_500, 10, "hello", 300, 2, "info", 5_000, 5,
                "keys", 50, 10, "xrange", 1_500, 10, "zrange", 200, 10);

        for (String slowButNotWalking : List.of("evalsha", "hello", "info", "zrange")) {
            assertFalse(find(ranked, slowButNotWalking).walksData(), slowButNotWalking);
            assertFalse(find(ranked, slowButNotWalking).linearInSize(), slowButNotWalking);
        }
        // KEYS walks the keyspace however cheap it was; XRANGE at 150 µs a call read a large stream
        assertTrue(find(ranked, "keys").walksData());
        assertTrue(find(ranked, "xrange").walksData());
        assertTrue(find(ranked, "xrange").linearInSize());
    }

    @Test
    void onlyTheGatewaysCommandsAreOnTheRequestPath() {
        List<CommandCost> ranked = rank("keys", 50, 10, "xrange", 1_500, 10, "hset", 10, 2);

        assertEquals("on the server during the run", find(ranked, "keys").where());
        assertEquals("on the request path", find(ranked, "xrange").where());
        assertTrue(find(ranked, "hset").sentByGateway());
    }
}
