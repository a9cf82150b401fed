package dev.queuebench.metrics.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.rundir.BadInputException;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * CloudWatch timestamps and ElastiCache event dates as the AWS CLI prints them: ISO-8601 with a zone
 * ({@code 2026-11-25T10:15:00+00:00}, {@code …Z}, {@code 2026-11-25T10:12:31.441000+00:00}), or epoch seconds
 * ({@code cli_timestamp_format = none}). A timestamp without a zone is refused: its UTC second is a guess.
 */
final class UtcTimestamps {
    private UtcTimestamps() {
    }

    /** @param where the file and element, for the error message */
    static long epochSec(JsonNode timestamp, String where) {
        if (present(timestamp, where).isNumber()) {
            return timestamp.asLong();
        }
        return parse(timestamp.asText(), where).getEpochSecond();
    }

    /** As {@link #epochSec}, to the millisecond; epoch seconds may have a fraction ({@code 1795601551.441}). */
    static long epochMs(JsonNode timestamp, String where) {
        if (present(timestamp, where).isNumber()) {
            try {
                return timestamp.decimalValue().movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw new BadInputException(where + ": timestamp " + timestamp + " is out of range");
            }
        }
        return parse(timestamp.asText(), where).toEpochMilli();
    }

    private static JsonNode present(JsonNode timestamp, String where) {
        if (timestamp == null || timestamp.isNull() || timestamp.isMissingNode()) {
            throw new BadInputException(where + ": the timestamp is missing");
        }
        if (!timestamp.isNumber() && !timestamp.isTextual()) {
            throw new BadInputException(where + ": the timestamp is " + timestamp.getNodeType().name().toLowerCase(
                    java.util.Locale.ROOT) + ", not text or a number");
        }
        return timestamp;
    }

    private static Instant parse(String text, String where) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            String problem = text.matches("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+")
                    ? "has no zone: write it as " + text + "Z (UTC) or with its +hh:mm offset"
                    : "is not an ISO-8601 date-time with a zone";
            throw new BadInputException(where + ": timestamp '" + abbreviated(text) + "' " + problem);
        }
    }

    /** A hostile file's "timestamp" may be megabytes long: a message quotes its start. */
    private static String abbreviated(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "… (" + text.length() + " characters)";
    }
}
