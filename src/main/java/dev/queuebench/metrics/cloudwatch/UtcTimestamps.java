package dev.queuebench.metrics.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.rundir.BadInputException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * CloudWatch timestamps as the AWS CLI prints them: ISO-8601 with a zone ({@code 2026-11-25T10:15:00+00:00},
 * {@code …Z}), or epoch seconds. A timestamp without a zone is refused: its UTC second is a guess.
 */
final class UtcTimestamps {
    private UtcTimestamps() {
    }

    /** @param where the file and element, for the error message */
    static long epochSec(JsonNode timestamp, String where) {
        if (timestamp == null || timestamp.isNull()) {
            throw new BadInputException(where + ": the timestamp is missing");
        }
        if (timestamp.isNumber()) {
            return timestamp.asLong();
        }
        String text = timestamp.asText();
        try {
            return OffsetDateTime.parse(text).toEpochSecond();
        } catch (DateTimeParseException e) {
            String problem = text.matches("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+")
                    ? "has no zone: write it as " + text + "Z (UTC) or with its +hh:mm offset"
                    : "is not an ISO-8601 date-time with a zone";
            throw new BadInputException(where + ": timestamp '" + text + "' " + problem);
        }
    }
}
