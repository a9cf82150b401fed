package dev.queuebench.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example workflow's steps run for real, in order, in an empty workspace: the baseline run and
 * its promotion, two candidate runs, the gate and the step summary (issue 17, item 20). What is not
 * run: the {@code uses:} steps (GitHub's own actions) and the two build steps, whose jars are this
 * build's {@code target/queuebench.jar}. What is changed, and only that: every {@code run} gets
 * {@code --warmup-sec 5 --hold-sec 10} so the four runs fit a test; the gate then judges fewer
 * requests (its p99s are INCONCLUSIVE), which is the gate's decision to make, not the workflow's.
 */
class PerfGateWorkflowIT {
    private static final Path JAR = Path.of("target", "queuebench.jar").toAbsolutePath();
    private static final String SHORTER = " --warmup-sec 5 --hold-sec 10";

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void theWorkflowsStepsRunBaselineThenCandidatesThenGate(@TempDir Path workspace) throws Exception {
        Path stepSummary = workspace.resolve("step-summary.md");
        List<String> ran = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (PerfGateWorkflow.Step step : PerfGateWorkflow.steps()) {
            if (step.run() == null || step.run().contains("./mvnw")) {
                skipped.add(step.name());
                continue;
            }
            int exit = bash(workspace, asTested(step.run()), stepSummary, step.name());
            boolean gate = step.name().equals("Gate");
            assertTrue(gate ? exit == 0 || exit == 3 : exit == 0, step.name() + " exited " + exit + "\n"
                    + Files.readString(workspace.resolve("step.log")));
            ran.add(step.name());
        }

        assertEquals(List.of("actions/checkout@v4", "actions/setup-java@v4", "Build the base commit",
                "Build the pull request", "Keep the runs"), skipped);
        assertEquals(List.of("Baseline run of the base commit", "Two candidate runs of the pull request", "Gate",
                "Gate summary"), ran);
        assertTrue(Files.isRegularFile(workspace.resolve("target/baselines/smoke-base/baseline.json")));
        String summary = Files.readString(stepSummary);
        assertTrue(summary.contains("p99 at most 10% above the baseline in every hold"), summary);
    }

    /** The step's script with this build's jar and the shorter profile. */
    private static String asTested(String script) {
        StringBuilder tested = new StringBuilder();
        for (String line : script.split("\n")) {
            String jarred = line.replaceAll("java -jar \\S*queuebench\\.jar", "java -jar " + JAR);
            tested.append(jarred.contains(" run --profile ") ? jarred + SHORTER : jarred).append('\n');
        }
        return tested.toString();
    }

    /** Runs a script as GitHub runs a {@code run:} step on Linux: {@code bash --noprofile --norc -eo pipefail}. */
    private static int bash(Path workspace, String script, Path stepSummary, String name)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script)
                .directory(workspace.toFile()).redirectErrorStream(true)
                .redirectOutput(workspace.resolve("step.log").toFile());
        builder.environment().put("GITHUB_STEP_SUMMARY", stepSummary.toString());
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            throw new AssertionError(name + " still running after 5 minutes:\n"
                    + Files.readString(workspace.resolve("step.log"), StandardCharsets.UTF_8));
        }
        return process.exitValue();
    }
}
