package dev.queuebench.gate;

import dev.queuebench.report.RunReport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.analysis.GoldenRun;
import dev.queuebench.analysis.RunInfo;
import dev.queuebench.profile.Phase;
import dev.queuebench.rundir.GoldenRunDirs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate's decisions on hand-made runs whose difference is known. */
class GateEvaluatorTest {
    @TempDir
    Path temp;

    /** 60 s held at 200 requests/s, latencies log-normal around {@code medianMicros}, seeded. */
    private Path run(String name, long seed, double medianMicros, String outcome) throws IOException {
        GoldenRun run = new GoldenRun(temp.resolve(name), List.of(new Phase("warmup", 5, 0, 200, true),
                new Phase("hold-200", 60, 200, 200, false))).outcome(outcome);
        SplittableRandom random = new SplittableRandom(seed);
        for (int second = 0; second < 65; second++) {
            run.requests(second, "status", 200, 0, () -> (long) (medianMicros * Math.exp(0.4 * random.nextGaussian())));
        }
        Path dir = run.write();
        RunReport.write(dir);
        return dir;
    }

    private List<Check> gate(Path base, Path cand) {
        return GateEvaluator.evaluate(GateRules.defaults(), RunComparator.compare(base, cand), null, null);
    }

    @Test
    void twoRunsOfTheSameDistributionPass() throws IOException {
        List<Check> checks = gate(run("a", 1, 2_000, "completed"), run("b", 2, 2_000, "completed"));
        assertTrue(GateOutputs.passed(checks), GateOutputs.markdown(checks, "a", "b"));
    }

    @Test
    void aFiftyPercentSlowerCandidateFailsOnP99() throws IOException {
        List<Check> checks = gate(run("a", 1, 2_000, "completed"), run("b", 2, 3_000, "completed"));
        assertFalse(GateOutputs.passed(checks));
        assertTrue(checks.stream().anyMatch(c -> c.verdict() == Verdict.FAIL && c.rule().metric().equals("p99_ms")
                && c.subject().equals("hold-200 / status")), GateOutputs.markdown(checks, "a", "b"));
    }

    @Test
    void aChangeBelowTheLimitDoesNotFail() throws IOException {
        List<Check> checks = gate(run("a", 1, 2_000, "completed"), run("b", 2, 2_080, "completed"));
        assertTrue(GateOutputs.passed(checks), GateOutputs.markdown(checks, "a", "b"));
    }

    @Test
    void withTwoCandidatesARegressionMustShowInBoth() throws IOException {
        Path base = run("a", 1, 2_000, "completed");
        List<Check> slowOnce = ReplicatedChecks.combine(List.of(gate(base, run("slow", 2, 3_000, "completed")),
                gate(base, run("same", 3, 2_000, "completed"))));
        assertTrue(GateOutputs.passed(slowOnce), GateOutputs.markdown(slowOnce, "a", "slow, same"));

        List<Check> slowTwice = ReplicatedChecks.combine(List.of(gate(base, run("slow1", 2, 3_000, "completed")),
                gate(base, run("slow2", 3, 3_000, "completed"))));
        assertFalse(GateOutputs.passed(slowTwice));
        assertTrue(slowTwice.stream().anyMatch(c -> c.verdict() == Verdict.FAIL
                && c.evidence().startsWith("run 1 FAIL") && c.evidence().contains("; run 2 FAIL")));

        List<Check> oneSaturated = ReplicatedChecks.combine(List.of(gate(base, run("ok", 2, 2_000, "completed")),
                gate(base, run("sat", 3, 2_000, RunInfo.OUTCOME_SATURATED))));
        assertFalse(GateOutputs.passed(oneSaturated));
    }

    @Test
    void aSaturatedCandidateNeverPasses() throws IOException {
        List<Check> checks = gate(run("a", 1, 2_000, "completed"), run("b", 1, 2_000, RunInfo.OUTCOME_SATURATED));
        assertFalse(GateOutputs.passed(checks));
        assertEquals(Verdict.FAIL, checks.get(1).verdict());
        assertTrue(checks.get(1).evidence().contains("can never pass"));
    }

    @Test
    void junitHasOneTestCasePerRuleAndMarksTheFailure() throws IOException {
        List<Check> checks = gate(run("a", 1, 2_000, "completed"), run("b", 2, 3_000, "completed"));
        String xml = GateOutputs.junitXml(checks, "a", "b");
        int rules = GateRules.defaults().size() + 1;
        assertEquals(rules, xml.split("<testcase ").length - 1);
        assertTrue(xml.contains("failures=\"1\""), xml);
        assertTrue(xml.contains("name=\"p99 at most 10% above the baseline in every hold\">\n    <failure"), xml);
    }

    /** 5 s warm-up, then a 20 s hold: 200 status and {@code entersPerSec} enter requests a second, all 2 ms. */
    private Path shortHold(String name, int entersPerSec) throws IOException {
        GoldenRun run = new GoldenRun(temp.resolve(name), List.of(new Phase("warmup", 5, 0, 200, true),
                new Phase("hold-200", 20, 200, 200, false)));
        for (int second = 0; second < 25; second++) {
            run.requests(second, "status", 200, 0, 2_000);
            run.requests(second, "enter", entersPerSec, 0, 2_000);
        }
        Path dir = run.write();
        RunReport.write(dir);
        return dir;
    }

    @Test
    void aP99WithTooFewRequestsSaysHowManyItHadNeedsAndTheHoldThatGivesThem() throws IOException {
        List<Check> checks = gate(shortHold("a", 13), shortHold("b", 12));
        Check enter = checks.stream().filter(c -> c.rule().metric().equals("p99_ms")
                && c.subject().equals("hold-200 / enter")).findFirst().orElseThrow();

        assertEquals(Verdict.INCONCLUSIVE, enter.verdict());
        // The candidate has the fewer enters: 12 a second for 20 s; 500 ÷ 12 = 41.7, so a 42 s hold.
        assertEquals("p99_ms rests on 240 requests, fewer than the 500 it needs (5 beyond it): too few to judge; "
                + "at the 12.0 requests/s of this kind (240 in 20 s), a 42 s hold gives them (run --hold-sec 42, "
                + "baseline and candidates alike), or judge a wider group such as 'all'", enter.evidence());
        Check status = checks.stream().filter(c -> c.rule().metric().equals("p99_ms")
                && c.subject().equals("hold-200 / status")).findFirst().orElseThrow();
        assertEquals(Verdict.PASS, status.verdict(), status.evidence());
    }

    /** The golden smoke run (nothing walks the data) and the same with a KEYS storm from another client. */
    private Path[] smokeAndKeysStorm() throws IOException {
        Path base = GoldenRunDirs.copy(temp, GoldenRunDirs.SMOKE);
        Path cand = GoldenRunDirs.copy(temp, GoldenRunDirs.KEYS_STORM);
        RunReport.write(base);
        RunReport.write(cand);
        return new Path[] {base, cand};
    }

    @Test
    void aKeysStormFailsTheGateWithKeysNamedAndNotCalledTheGatewaysOwn() throws IOException {
        Path[] runs = smokeAndKeysStorm();
        Path base = runs[0];
        Path cand = runs[1];

        Check walking = gate(base, cand).stream().filter(c -> c.rule().metric().equals("data_walking_commands"))
                .findFirst().orElseThrow();

        assertEquals(Verdict.FAIL, walking.verdict());
        assertEquals("1.00 commands, limit ≤ 0.00: KEYS 99% of the command CPU at 20,000 µs a call, on the server "
                + "during the run", walking.evidence());
    }

    @Test
    void aCountThatWasNoneAndIsSomeFailsAnIncreaseRuleInsteadOfBeingSkipped() throws IOException {
        // The baseline walked no data, the candidate ran KEYS: +x% of nothing is still beyond any limit in %.
        Path[] runs = smokeAndKeysStorm();
        Path base = runs[0];
        Path cand = runs[1];
        List<GateRule> rules = GateRules.parse("{\"rules\":[{\"name\":\"walking\",\"metric\":\"data_walking_commands\","
                + "\"request\":\"run\",\"max_increase_pct\":50}]}", "rules.json");

        List<Check> checks = GateEvaluator.evaluate(rules, RunComparator.compare(base, cand), null, null);

        Check walking = checks.stream().filter(c -> c.rule().name().equals("walking")).findFirst().orElseThrow();
        assertEquals(Verdict.FAIL, walking.verdict(), walking.evidence());
        assertEquals("0.00 → 1.00 commands: up from none, beyond any limit in % (limit +50.0%): KEYS 99% of the "
                + "command CPU at 20,000 µs a call, on the server during the run", walking.evidence());
        Check same = GateEvaluator.evaluate(rules, RunComparator.compare(base, base), null, null).stream()
                .filter(c -> c.rule().name().equals("walking")).findFirst().orElseThrow();
        assertEquals(Verdict.PASS, same.verdict(), "none and none: no change, " + same.evidence());
    }

    @Test
    void aBadRulesFileNamesTheRuleAndTheProblem() {
        GateInputException error = org.junit.jupiter.api.Assertions.assertThrows(GateInputException.class,
                () -> GateRules.parse("{\"rules\":[{\"metric\":\"p99_ms\",\"max\":5,\"max_increase_pct\":10}]}", "r.json"));
        assertEquals("r.json: rules[0] must set exactly one of max, min, max_increase_pct, max_decrease_pct; it sets 2",
                error.getMessage());
        GateInputException unknown = org.junit.jupiter.api.Assertions.assertThrows(GateInputException.class,
                () -> GateRules.parse("{\"rules\":[{\"metric\":\"p42\",\"max\":5}]}", "r.json"));
        assertTrue(unknown.getMessage().startsWith("r.json: rules[0] has metric 'p42'"));
    }
}
