package dev.queuebench.metrics.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.rundir.BadInputException;
import dev.queuebench.rundir.JsonFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what {@code aws elasticache describe-events --output json} prints:
 *
 * <pre>
 * {
 *   "Events": [
 *     {"SourceIdentifier": "qb-prod", "SourceType": "replication-group",
 *      "Message": "Test Failover API called for node group 0001", "Date": "2026-11-25T10:20:00.441Z"},
 *     …
 *   ],
 *   "Marker": "…" (only when the output is one page of more; the CLI's own paging prints "NextToken")
 * }
 * </pre>
 *
 * {@code Date} is ISO-8601 with a zone (the CLI v1 prints {@code …Z}, v2 {@code …441000+00:00}) or epoch
 * seconds ({@code cli_timestamp_format = none}). Fields it does not know are ignored. Every event is checked
 * as {@link ElastiCacheEvent} says; the first that is wrong refuses the whole file, naming it, the event's
 * index and what is wrong, as do a file over {@link #MAX_FILE_BYTES}, one that is not JSON or is cut short,
 * and one of another shape.
 */
public final class DescribeEventsJson {
    /** Fourteen days of a busy group's events are some hundred kilobytes; anything this large is another file. */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    /**
     * The events of one file.
     *
     * @param morePages the file says ElastiCache has more events than it holds (a Marker or NextToken)
     */
    public record Output(List<ElastiCacheEvent> events, boolean morePages) {
    }

    private DescribeEventsJson() {
    }

    public static Output read(Path file) {
        JsonNode root = JsonFiles.read(file, MAX_FILE_BYTES);
        JsonNode events = root.path("Events");
        if (!root.isObject() || !events.isArray()) {
            throw new BadInputException(file + ": not the output of 'aws elasticache describe-events --output json': "
                    + "expected an object with an \"Events\" array, found " + shape(root)
                    + (root.isObject() ? " without one" : ""));
        }
        List<ElastiCacheEvent> read = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            read.add(event(events.get(i), file + " Events[" + i + "]"));
        }
        boolean morePages = !root.path("Marker").asText("").isEmpty() || !root.path("NextToken").asText("").isEmpty();
        return new Output(List.copyOf(read), morePages);
    }

    private static ElastiCacheEvent event(JsonNode event, String where) {
        if (!event.isObject()) {
            throw new BadInputException(where + ": expected an object with SourceIdentifier, SourceType, Message and "
                    + "Date, found " + shape(event));
        }
        long epochMs = UtcTimestamps.epochMs(event.get("Date"), where + " Date");
        try {
            return new ElastiCacheEvent(text(event, "SourceIdentifier", where), text(event, "SourceType", where),
                    text(event, "Message", where), epochMs);
        } catch (BadInputException e) {
            throw new BadInputException(where + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode event, String field, String where) {
        JsonNode value = event.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadInputException(where + ": " + field + " is " + shape(value) + ", not text");
        }
        return value.textValue();
    }

    private static String shape(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            default -> "null";
        };
    }
}
