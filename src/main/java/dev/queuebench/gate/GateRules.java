package dev.queuebench.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.bundled.BundledText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import dev.queuebench.rundir.JsonFiles;

/**
 * Reads a gate rules file (JSON; the bundled default is {@code gate/default-rules.json}, printed by
 * {@code gate --print-rules}):
 * <pre>
 * {"rules": [
 *   {"name": "status p99 at the 10k step under 50 ms", "metric": "p99_ms", "request": "status",
 *    "step": "hold-10000", "max": 50},
 *   {"name": "p99 at most 10% worse", "metric": "p99_ms", "request": "*", "step": "*", "max_increase_pct": 10},
 *   {"name": "JMH scores at most 10% worse", "metric": "jmh", "benchmark": "*", "max_decrease_pct": 10}
 * ]}
 * </pre>
 * {@code request} defaults to {@code all}, {@code step} to {@code *}. Each rule sets exactly one of
 * {@code max}, {@code min}, {@code max_increase_pct}, {@code max_decrease_pct}.
 */
public final class GateRules {
    public static final String DEFAULT_RESOURCE = "gate/default-rules.json";
    static final Set<String> METRICS = Set.of("p50_ms", "p99_ms", "p999_ms", "throughput_rps", "error_rate_pct",
            "engine_cpu_micros_per_request", "delivered_requests_pct", "commands_per_request",
            "network_bytes_per_request", "memory_bytes_per_user", "data_walking_commands", "lost_users",
            "double_admissions", "order_violations_pct", "position_error_p99", "eta_error_median_pct",
            "error_window_sec", "failed_requests", "recovery_sec", "users_lost", "queue_entries_lost", "jmh");
    /** The queue-integrity audit's metrics (summary.json's integrity). */
    static final Set<String> INTEGRITY_METRICS = Set.of("lost_users", "double_admissions", "order_violations_pct",
            "position_error_p99", "eta_error_median_pct");
    private static final String[] LIMITS = {"max", "min", "max_increase_pct", "max_decrease_pct"};

    private GateRules() {
    }

    public static String defaultText() {
        return BundledText.read(DEFAULT_RESOURCE);
    }

    public static List<GateRule> defaults() {
        return parse(defaultText(), "the default rules (" + DEFAULT_RESOURCE + ")");
    }

    public static List<GateRule> read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new GateInputException("cannot read the rules file " + file + ": " + e.getMessage());
        }
    }

    static List<GateRule> parse(String text, String origin) {
        JsonNode root;
        try {
            root = JsonFiles.JSON.readTree(text);
        } catch (IOException e) {
            throw new GateInputException(origin + " is not valid JSON: " + e.getMessage()
                    + " (start from: java -jar target/queuebench.jar gate --print-rules)");
        }
        if (root == null || !root.path("rules").isArray()) {
            throw new GateInputException(origin + " has no \"rules\" array");
        }
        List<GateRule> rules = new ArrayList<>();
        int index = 0;
        for (JsonNode rule : root.path("rules")) {
            String where = origin + ": rules[" + index + "]";
            String metric = rule.path("metric").asText("");
            if ("delivered_users_pct".equals(metric)) {
                throw new GateInputException(where + " uses delivered_users_pct, which runs no "
                        + "longer record: arrivals follow the request rate now. Use \"metric\": \"delivered_requests_pct\" "
                        + "with the same step (java -jar target/queuebench.jar gate --print-rules shows the defaults)");
            }
            if (!METRICS.contains(metric)) {
                throw new GateInputException(where + " has metric '" + metric + "'; known metrics: "
                        + new java.util.TreeSet<>(METRICS));
            }
            int limits = 0;
            for (String limit : LIMITS) {
                if (rule.has(limit)) {
                    if (!rule.path(limit).isNumber()) {
                        throw new GateInputException(where + ": \"" + limit + "\" must be a number, was " + rule.path(limit));
                    }
                    limits++;
                }
            }
            if (limits != 1) {
                throw new GateInputException(where + " must set exactly one of max, min, max_increase_pct, "
                        + "max_decrease_pct; it sets " + limits);
            }
            if ("jmh".equals(metric) && (rule.has("max") || rule.has("min"))) {
                throw new GateInputException(where + ": a jmh rule takes max_increase_pct or max_decrease_pct");
            }
            rules.add(new GateRule(rule.path("name").asText(metric + " " + index), metric,
                    rule.path("request").asText("all"), rule.path("step").asText("*"), number(rule, "max"),
                    number(rule, "min"), number(rule, "max_increase_pct"), number(rule, "max_decrease_pct"),
                    rule.path("benchmark").asText("*")));
            index++;
        }
        return List.copyOf(rules);
    }

    private static double number(JsonNode rule, String field) {
        return rule.has(field) ? rule.path(field).asDouble() : Double.NaN;
    }
}
