package dev.queuebench.metrics.cloudwatch;

import dev.queuebench.rundir.BadInputException;
import dev.queuebench.rundir.EventsCsv;
import java.util.regex.Pattern;

/**
 * One ElastiCache event as DescribeEvents gives it (the SDK's answer, or the AWS CLI's JSON of it),
 * checked so that a hostile file or answer cannot put a terminal escape, a line break or megabytes of
 * text onto the run's timeline.
 *
 * <p>On the timeline it is: {@code epoch_ms} the event's Date, source {@value #SOURCE}, kind from
 * {@link ElastiCacheEventKind}, detail {@code "SourceIdentifier: Message"}.
 */
public record ElastiCacheEvent(String sourceIdentifier, String sourceType, String message, long epochMs) {
    public static final String SOURCE = "elasticache";
    /** ElastiCache's messages are a sentence; EventsCsv's detail holds 2,000 characters, the identifier included. */
    private static final int MAX_MESSAGE_CHARS = 1_000;
    /** Cluster, group, snapshot, user and parameter group names: letters, digits, hyphens (and . _ to be lenient). */
    private static final Pattern SOURCE_IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");
    /** cache-cluster, replication-group, serverless-cache, …: it becomes a kind, so a word. */
    private static final Pattern SOURCE_TYPE = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    /** @throws BadInputException saying which field is wrong and how (the caller adds where it was read) */
    public ElastiCacheEvent {
        if (sourceIdentifier == null || !SOURCE_IDENTIFIER.matcher(sourceIdentifier).matches()) {
            throw new BadInputException("SourceIdentifier " + quoted(sourceIdentifier) + " is not an ElastiCache "
                    + "name (letters, digits and hyphens, 255 at most)");
        }
        if (sourceType == null || !SOURCE_TYPE.matcher(sourceType).matches()) {
            throw new BadInputException("SourceType " + quoted(sourceType) + " is not an ElastiCache source type "
                    + "(replication-group, cache-cluster, …)");
        }
        if (message == null || message.isBlank()) {
            throw new BadInputException("Message is missing or empty");
        }
        if (message.length() > MAX_MESSAGE_CHARS) {
            throw new BadInputException("Message is " + message.length() + " characters long; ElastiCache's are a "
                    + "sentence (at most " + MAX_MESSAGE_CHARS + " taken)");
        }
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                throw new BadInputException(String.format("Message holds the control character U+%04X at character %d "
                        + "(a line break, a terminal escape or a text-direction override): not ElastiCache's text", (int) c, i));
            }
        }
    }

    /** This event as a row of the run's timeline. */
    public EventsCsv.Event timelineEvent() {
        return new EventsCsv.Event(epochMs, SOURCE, ElastiCacheEventKind.of(sourceType, message),
                sourceIdentifier + ": " + message);
    }

    private static String quoted(String text) {
        if (text == null) {
            return "(missing)";
        }
        String start = text.length() <= 60 ? text : text.substring(0, 60) + "…";
        return "'" + start.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
