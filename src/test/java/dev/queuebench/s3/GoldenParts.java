package dev.queuebench.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.queuebench.rundir.GoldenRunDirs;
import dev.queuebench.rundir.JsonFiles;
import dev.queuebench.rundir.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Parts of a multi-injector run made of a golden run directory without running anything: a copy of
 * the golden smoke run whose run.json names it injector {@code index} of {@code count} in a run group
 * with a common start, and a Gatling log in {@code gatling/}, so a part has a folder of its own to
 * upload and merge. Two such parts are one run of twice the golden run's requests.
 */
public final class GoldenParts {
    /** The common start of every part made here: the golden smoke run's own start. */
    public static final long START_AT_MS = 1796230001000L;

    private GoldenParts() {
    }

    /** Injector {@code index} of {@code count} of {@code runGroup}, in {@code parent/<name>}. */
    public static Path part(Path parent, String name, String runGroup, int index, int count) throws IOException {
        Path dir = GoldenRunDirs.copy(Files.createDirectories(parent.resolve(name)), GoldenRunDirs.SMOKE);
        JsonNode run = JsonFiles.read(dir.resolve(RunFiles.RUN_JSON));
        ObjectNode injector = (ObjectNode) run.path("injector");
        injector.put("index", index).put("count", count).put("run_group", runGroup).put("start_at_ms", START_AT_MS);
        JsonFiles.writeAtomically(dir.resolve(RunFiles.RUN_JSON), run);
        Path gatlingLog = dir.resolve(RunFiles.GATLING_DIR).resolve("simulation.log");
        Files.createDirectories(gatlingLog.getParent());
        Files.write(gatlingLog, Files.readAllBytes(Path.of("src/test/resources/golden/gatling-3.15.1-smoke.simulation.log")));
        return dir;
    }
}
