package dev.queuebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.rundir.GoldenRunDirs;
import dev.queuebench.rundir.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed golden run directories through report, gate and plan, held to what the harness
 * made of them before the run directory had a package of its own ({@code runs/v1-before}): the same
 * numbers in summary.json, the same warnings, the same gate verdicts and the same plan.
 */
class GoldenRunsThroughEveryConsumerTest {
    @TempDir
    Path temp;

    private static CommandOutput run(String... args) {
        return CommandOutput.run(args);
    }

    private Path reported(String name) {
        Path dir = GoldenRunDirs.copy(temp, name);
        CommandOutput report = run("report", dir.toString());
        assertEquals(0, report.exitCode(), report.err());
        return dir;
    }

    private static Path before(String name) {
        return GoldenRunDirs.root("v1-before").resolve(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {GoldenRunDirs.SMOKE, GoldenRunDirs.RESTART, GoldenRunDirs.INTERRUPTED,
        GoldenRunDirs.STAIRS_KNEE, GoldenRunDirs.DRIVER, GoldenRunDirs.KEYS_STORM})
    void reportWritesTheSameNumbersAndWarningsAsBefore(String name) {
        JsonNode now = JsonFiles.read(reported(name).resolve("summary.json"));
        JsonNode then = JsonFiles.read(before(name).resolve("summary.json"));

        Map<String, Double> numbersThen = numbers(then, "");
        Map<String, Double> numbersNow = numbers(now, "");
        numbersThen.keySet().removeIf(path -> path.equals("schema_version"));
        numbersNow.keySet().retainAll(numbersThen.keySet());
        if (SCRIPT_RUNS.contains(name)) {
            // Changed on purpose (issue 17 item 12): EVALSHA's time includes the commands its scripts
            // call, which were counted a second time in their own rows; every share now counts them once.
            numbersThen.keySet().removeIf(path -> path.matches(COMMAND_SHARE));
            numbersNow.keySet().removeIf(path -> path.matches(COMMAND_SHARE));
            assertEquals(100, sharesPct(now), 1e-9);
        }
        if (name.equals(GoldenRunDirs.RESTART)) {
            // Changed on purpose (issue 16): the restart's seconds (most requests failing) are an outage, left
            // out of the knee and the latency drivers, which then describe the seconds before and after it.
            numbersThen.keySet().removeIf(path -> path.startsWith("knee.") || path.startsWith("latency_drivers."));
            numbersNow.keySet().removeIf(path -> path.startsWith("knee.") || path.startsWith("latency_drivers."));
            assertTrue(now.path("knee").path("sentence").asText().contains("of drills and outages left out"),
                    now.path("knee").toString());
            assertTrue(numbers(now, "").getOrDefault("knee.levels[0].error_rate_pct", 0.0) < 27,
                    "the outage no longer makes a level's errors: " + now.path("knee"));
        }
        assertEquals(numbersThen, numbersNow);
        List<String> warningsThen = new ArrayList<>();
        then.path("warnings").forEach(w -> warningsThen.add(w.asText()));
        // Changed on purpose (issue 17 item 12): a slow EVALSHA is not a command that walks data, and
        // the KEYS storm came from another client than the gateway.
        warningsThen.removeIf(message -> message.startsWith("EVALSHA took"));
        warningsThen.replaceAll(message -> message.replace("grows with the data, on the request path.",
                "grows with the data, on the server during the run (the gateway does not send KEYS; commandstats "
                        + "counts every client of the server)."));
        List<String> warningsNow = new ArrayList<>();
        now.path("warnings").forEach(w -> warningsNow.add(w.path("message").asText()));
        // What is new: a half-written last line is said, once per file.
        now.path("warnings").forEach(w -> {
            if (w.path("code").asText().equals("FILE_CUT_SHORT")) {
                warningsNow.remove(w.path("message").asText());
            }
        });
        assertEquals(warningsThen, warningsNow);
        assertEquals(2, now.path("schema_version").asInt());
    }

    @Test
    void aRunCutByCtrlCSaysOnceThatItsFilesEndInAHalfLine() {
        JsonNode now = JsonFiles.read(reported(GoldenRunDirs.INTERRUPTED).resolve("summary.json"));

        List<String> cut = new ArrayList<>();
        now.path("warnings").forEach(w -> {
            if (w.path("code").asText().equals("FILE_CUT_SHORT")) {
                cut.add(w.path("message").asText().split(" ")[0]);
            }
        });
        assertEquals(List.of("requests.csv", "server.csv"), cut);
        assertEquals("ABORTED", now.path("warnings").get(0).path("code").asText());
        String drivers = now.path("latency_drivers").path("sentence").asText();
        assertTrue(drivers.startsWith("Too few measured seconds") && !drivers.contains("no server.csv"), drivers);
    }

    @ParameterizedTest
    @ValueSource(strings = {GoldenRunDirs.SMOKE, GoldenRunDirs.RESTART, GoldenRunDirs.INTERRUPTED})
    void theGateGivesTheSameVerdictsAsBefore(String candidate) throws IOException {
        Path baseline = reported(GoldenRunDirs.SMOKE).resolveSibling("baseline");
        Files.move(baseline.resolveSibling(GoldenRunDirs.SMOKE), baseline);
        Path cand = reported(candidate);

        CommandOutput gate = run("gate", "--baseline", baseline.toString(), "--candidate", cand.toString());

        // Renamed on purpose (issue 17 item 12): commandstats counts every client, not the request path alone.
        String then = Files.readString(before(candidate).resolve("gate-vs-golden-smoke.md"))
                .replace("(KEYS, a full XRANGE) on the request path", "(KEYS, a full XRANGE) on the server during the run");
        // Added on purpose (issue 15): the default integrity rules, SKIPPED for runs that recorded no journeys.
        List<String> now = new ArrayList<>(tableRows(Files.readString(cand.resolve("gate.md"))));
        List<String> integrity = now.stream().filter(row -> row.contains("(queue-integrity audit)")).toList();
        assertEquals(2, integrity.size(), now.toString());
        assertTrue(integrity.stream().allMatch(row -> row.contains("SKIPPED") && row.contains("neither run recorded journeys")),
                integrity.toString());
        now.removeAll(integrity);
        assertEquals(tableRows(then), now);
        assertEquals(then.contains("gate: FAIL") ? 3 : 0, gate.exitCode(), gate.out() + gate.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {GoldenRunDirs.SMOKE, GoldenRunDirs.KEYS_STORM})
    void thePlanIsTheSameAsBefore(String name) throws IOException {
        Path dir = reported(name);

        CommandOutput plan = run("plan", dir.toString(), "--target-rps", "1000");

        assertEquals(0, plan.exitCode(), plan.err());
        List<String> then = Files.readAllLines(before(name).resolve("plan-1000.txt"));
        List<String> now = List.of(plan.out().split("\n"));
        assertEquals(then.subList(0, then.size() - 1), now.subList(0, now.size() - 1));
    }

    @Test
    void withoutSummaryJsonGateComparePlanAndPromoteSayWhichReportCommandWritesIt() throws IOException {
        Path dir = reported(GoldenRunDirs.SMOKE);
        Files.delete(dir.resolve("summary.json"));
        String report = "java -jar target/queuebench.jar report " + dir;

        for (CommandOutput result : List.of(run("gate", "--baseline", dir.toString(), "--candidate", dir.toString()),
                run("compare", dir.toString(), dir.toString()), run("plan", dir.toString(), "--target-rps", "1000"))) {
            assertEquals(1, result.exitCode(), result.out());
            assertTrue(result.err().contains("has no summary.json") && result.err().contains(report), result.err());
        }
        assertTrue(Files.notExists(dir.resolve("summary.json")), "nothing analysed the run behind the user's back");
    }

    @Test
    void aSummaryOfAnotherSchemaVersionIsRefusedWithTheCommandThatRewritesIt() throws IOException {
        Path dir = reported(GoldenRunDirs.SMOKE);
        Files.copy(before(GoldenRunDirs.SMOKE).resolve("summary.json"), dir.resolve("summary.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        CommandOutput plan = run("plan", dir.toString(), "--target-rps", "1000");

        assertEquals(1, plan.exitCode());
        assertTrue(plan.err().contains("schema version 1") && plan.err().contains("report " + dir), plan.err());
    }

    /**
     * The gate's table rows; the evidence of a check INCONCLUSIVE for lack of requests is left out:
     * issue 17 item 10 reworded it on purpose (it now names the hold that would settle it).
     */
    private static List<String> tableRows(String markdown) {
        return markdown.lines().filter(line -> line.startsWith("| "))
                .map(line -> line.contains("❔ INCONCLUSIVE") && line.contains("too few to judge")
                        ? line.substring(0, line.lastIndexOf("| ", line.indexOf("too few to judge"))) : line)
                .toList();
    }

    /** The real runs, whose EVALSHA scripts call commands that commandstats also counts on their own. */
    private static final List<String> SCRIPT_RUNS = List.of(GoldenRunDirs.SMOKE, GoldenRunDirs.RESTART,
            GoldenRunDirs.INTERRUPTED);
    private static final String COMMAND_SHARE = "server_cost\\.commands\\[\\d+]\\.cpu_share_pct";

    private static double sharesPct(JsonNode summary) {
        double total = 0;
        for (JsonNode command : summary.path("server_cost").path("commands")) {
            total += command.path("cpu_share_pct").asDouble();
        }
        return total;
    }

    /** Every numeric leaf by its JSON path. */
    private static Map<String, Double> numbers(JsonNode node, String path) {
        Map<String, Double> out = new TreeMap<>();
        if (node.isNumber()) {
            out.put(path, node.asDouble());
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> out.putAll(numbers(e.getValue(), path.isEmpty() ? e.getKey()
                    : path + "." + e.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.putAll(numbers(node.get(i), path + "[" + i + "]"));
            }
        }
        return out;
    }
}
