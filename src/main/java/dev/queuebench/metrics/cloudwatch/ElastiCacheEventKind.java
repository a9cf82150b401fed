package dev.queuebench.metrics.cloudwatch;

import java.util.Locale;

/**
 * The {@code kind} an ElastiCache event gets on the run's timeline: a word for what happened when the
 * message says one of the steps of a failover (in the order a TestFailover's events come: the API called,
 * the failover to a replica completed, the old primary recovering, recovered) or a restart, else the event's
 * SourceType ({@code replication-group}, {@code cache-cluster}, …). The first kind whose words the message
 * holds wins.
 */
public enum ElastiCacheEventKind {
    /** "Test Failover API called for node group 0001". */
    TEST_FAILOVER("test-failover", "test failover api called"),
    /** "Failover from primary node qb-prod-001 to replica node qb-prod-002 completed", "Failover to replica node … completed". */
    FAILOVER("failover", "failover"),
    /** "Finished recovery for cache nodes 0001". */
    RECOVERED("recovered", "finished recovery"),
    /** "Recovering cache nodes 0001". */
    RECOVERY("recovery", "recovering"),
    /** "Cache node 0001 restarted", "Rebooting cache nodes …". */
    RESTART("restart", "restart", "reboot");

    private final String text;
    private final String[] words;

    ElastiCacheEventKind(String text, String... words) {
        this.text = text;
        this.words = words;
    }

    /** As it stands in {@code events.csv}. */
    public String text() {
        return text;
    }

    /** @param sourceType already checked to be a word of {@code a-z 0-9 -} */
    static String of(String sourceType, String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        for (ElastiCacheEventKind kind : values()) {
            for (String word : kind.words) {
                if (lower.contains(word)) {
                    return kind.text;
                }
            }
        }
        return sourceType;
    }
}
