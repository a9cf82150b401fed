package dev.queuebench.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code run.json}: what a run was and how it ended. Written when the run starts (outcome
 * {@code running}) and rewritten, atomically, when it ends, so the file is always whole.
 *
 * <pre>
 * {
 *   "id": "20261125T101500Z-smoke", "label": "smoke",
 *   "start_ms": 1764065700000, "end_ms": 1764065745000,
 *   "profile": {"name", "description", "scale", "phases": [{"name","duration_sec","from_rps","to_rps","warmup"}],
 *               "journey": {"polls_per_user","poll_interval_ms","leave_fraction","abandon_fraction","events",
 *                           "requests_per_user_modelled", "requests_per_user_fewest"},
 *               "arrivals_are": "controlled: …",
 *               "injection_ceiling": [{"phase","duration_sec","from_users_per_sec","to_users_per_sec"}],
 *               "shared_connections", "request_timeout_ms"},
 *   "target": {"gateway_url", "embedded", "redis" (password removed), "reader", "redis_server"},
 *   "node_type": "cache.r7g.large",
 *   "injector": {"index": 0, "count": 1, "heap_mb", "max_cpu_share", "max_gc_pause_ms"},
 *   "versions": {"harness", "harness_git_sha", "gatling", "redis_server", "jvm"},
 *   "outcome": "completed" | "aborted" | "injector-saturated" | "target-failed" | "running",
 *   "reason": "…",
 *   "totals": {"users_injected" (candidates included), "journeys_started" (joins),
 *              "requests": {"join": {"ok","ko"}, …}, "requests_per_user_measured", "requests_per_user_modelled"},
 *   "delivery": [{"phase","intended_requests","sent_requests","planned_candidates","injected_candidates"}]
 * }
 * </pre>
 */
public final class RunManifest {
    public static final String FILE = "run.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode root = JSON.createObjectNode();

    public ObjectNode root() {
        return root;
    }

    public synchronized void write(Path runDir) {
        Path target = runDir.resolve(FILE);
        Path temporary = runDir.resolve(FILE + ".tmp");
        try {
            JSON.writeValue(temporary.toFile(), root);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    public static ObjectNode read(Path runDir) throws IOException {
        return (ObjectNode) JSON.readTree(runDir.resolve(FILE).toFile());
    }
}
