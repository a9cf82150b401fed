package dev.queuebench.gate;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import dev.queuebench.rundir.JsonFiles;

/** Reads JMH's JSON result file ({@code -rf json}): an array of benchmark results. */
public final class JmhResults {
    private JmhResults() {
    }

    public static Map<String, JmhScore> read(Path file) {
        JsonNode root;
        try {
            root = JsonFiles.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new GateInputException(file + " is not JMH JSON: " + e.getMessage()
                    + " (write one with: java -jar target/queuebench.jar jmh, or JMH's -rf json)");
        }
        if (root == null || !root.isArray()) {
            throw new GateInputException(file + " is not JMH JSON: expected an array of results");
        }
        Map<String, JmhScore> scores = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode result : root) {
            JsonNode primary = result.path("primaryMetric");
            if (!result.hasNonNull("benchmark") || !primary.has("score")) {
                throw new GateInputException(file + ": result [" + index + "] lacks benchmark or primaryMetric.score");
            }
            Map<String, String> params = new TreeMap<>();
            result.path("params").fields().forEachRemaining(p -> params.put(p.getKey(), p.getValue().asText()));
            String mode = result.path("mode").asText();
            String key = result.path("benchmark").asText() + " [" + mode + "]" + (params.isEmpty() ? "" : " " + params);
            double score = primary.path("score").asDouble();
            JsonNode confidence = primary.path("scoreConfidence");
            double error = primary.path("scoreError").asDouble(Double.NaN);
            double low = confidence.isArray() && confidence.size() == 2 ? confidence.get(0).asDouble() : score - error;
            double high = confidence.isArray() && confidence.size() == 2 ? confidence.get(1).asDouble() : score + error;
            scores.put(key, new JmhScore(key, result.path("benchmark").asText(), mode, score, low, high,
                    primary.path("scoreUnit").asText("")));
            index++;
        }
        return scores;
    }
}
