package dev.queuebench.metrics.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.rundir.BadInputException;
import dev.queuebench.rundir.JsonFiles;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The queries file given to {@code aws cloudwatch get-metric-data --metric-data-queries file://…}: a
 * JSON array of {@code {"Id", "MetricStat": {"Metric": {"Namespace", "MetricName", "Dimensions":
 * [{"Name": "CacheClusterId", "Value"}]}, "Period", "Stat"}}}. get-metric-data's output names results
 * by Id only, so this is what says which metric, node, statistic and period each result is.
 */
public final class MetricDataQueries {
    /** What one query asked for. */
    public record Query(String metric, String node, String statistic, int periodSec) {
    }

    private MetricDataQueries() {
    }

    public static Map<String, Query> read(Path file) {
        JsonNode root = JsonFiles.read(file);
        JsonNode list = root.isArray() ? root : root.path("MetricDataQueries");
        if (!list.isArray()) {
            throw new BadInputException(file + ": expected a JSON array of MetricDataQuery objects");
        }
        Map<String, Query> queries = new HashMap<>();
        for (JsonNode query : list) {
            String id = query.path("Id").asText("");
            String where = file + " query '" + id + "'";
            JsonNode stat = query.path("MetricStat");
            if (id.isEmpty() || stat.isMissingNode()) {
                throw new BadInputException(where + ": needs an Id and a MetricStat (expressions are not supported)");
            }
            String node = null;
            for (JsonNode dimension : stat.path("Metric").path("Dimensions")) {
                if (dimension.path("Name").asText().equals(ElastiCacheMetrics.NODE_DIMENSION)) {
                    node = dimension.path("Value").asText();
                }
            }
            queries.put(id, new Query(stat.path("Metric").path("MetricName").asText(null), node,
                    stat.path("Stat").asText(null), stat.path("Period").asInt(0)));
        }
        return queries;
    }
}
