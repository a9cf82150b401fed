package dev.queuebench.gate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.queuebench.rundir.AtomicFiles;
import dev.queuebench.rundir.JsonFiles;
import dev.queuebench.rundir.RunFiles;
import dev.queuebench.rundir.RunJson;
import dev.queuebench.rundir.RunJsonFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * {@code results/baselines/<name>/}: a run promoted to a baseline, with {@code baseline.json} saying
 * what it was. Only the files the gate and the reporter read are kept (not Gatling's HTML report,
 * not JMH's raw logs), so baselines stay small enough to commit.
 */
public final class BaselineStore {
    public static final Path DEFAULT_ROOT = Path.of("results", "baselines");
    static final List<String> KEPT = List.of(RunFiles.RUN_JSON, RunFiles.LATENCY_LOG, RunFiles.REQUESTS_CSV,
            RunFiles.SERVER_CSV, RunFiles.SERVER_INFO, RunFiles.ALARMS_JSON, RunFiles.CLOUDWATCH_CSV,
            RunFiles.CLOUDWATCH_SOURCE, RunFiles.SUMMARY_JSON, RunFiles.REPORT_MD);
    public static final String JMH_FILE = "jmh.json";
    public static final String METADATA = "baseline.json";

    private final Path root;

    public BaselineStore(Path root) {
        this.root = root;
    }

    /** A name from {@link #promote}, or a path to a run or baseline directory. */
    public Path resolve(String nameOrPath) {
        Path direct = Path.of(nameOrPath);
        if (Files.isRegularFile(direct.resolve(RunFiles.RUN_JSON))) {
            return direct;
        }
        Path named = root.resolve(nameOrPath);
        if (Files.isRegularFile(named.resolve(RunFiles.RUN_JSON))) {
            return named;
        }
        throw new GateInputException("no baseline '" + nameOrPath + "': neither a run directory nor " + named
                + " (make one with: java -jar target/queuebench.jar baseline promote results/runs/<run-id> --name "
                + nameOrPath + ")");
    }

    public Path promote(Path runDir, String name, Path jmhJson, String note) throws IOException {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new GateInputException("baseline name '" + name + "' must be letters, digits, '.', '_' or '-'");
        }
        RunJson info = RunJsonFile.read(RunFiles.open(runDir).dir());
        if (info.outcome().noVerdict()) {
            throw new GateInputException(runDir + " is " + info.outcome().label() + ": a run that did not deliver its load "
                    + "cannot be a baseline");
        }
        Path target = root.resolve(name);
        Path staging = root.resolve("." + name + ".tmp");
        deleteTree(staging);
        Files.createDirectories(staging);
        for (String file : KEPT) {
            Path source = runDir.resolve(file);
            if (Files.isRegularFile(source)) {
                Files.createDirectories(staging.resolve(file).getParent());
                Files.copy(source, staging.resolve(file));
            }
        }
        if (jmhJson != null) {
            JmhResults.read(jmhJson);
            Files.copy(jmhJson, staging.resolve(JMH_FILE));
        }
        ObjectNode metadata = JsonFiles.JSON.createObjectNode();
        metadata.put("name", name);
        metadata.put("promoted_at", Instant.now().toString());
        metadata.put("source_run", runDir.toAbsolutePath().normalize().toString());
        metadata.put("run_id", info.id());
        metadata.put("profile", info.profile().name());
        metadata.put("node_type", info.nodeType());
        metadata.put("target", info.target().gatewayUrl());
        metadata.put("redis", info.target().redis());
        String gitSha = info.versions().harnessGitSha();
        metadata.put("harness_git_sha", gitSha == null ? "" : gitSha);
        metadata.put("jmh", jmhJson == null ? null : jmhJson.getFileName().toString());
        metadata.put("note", note == null ? "" : note);
        JsonFiles.writeAtomically(staging.resolve(METADATA), metadata);
        deleteTree(target);
        AtomicFiles.moveInPlace(staging, target);
        return target;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
