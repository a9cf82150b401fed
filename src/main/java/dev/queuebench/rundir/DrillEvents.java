package dev.queuebench.rundir;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a drill appears on the run's timeline ({@code events.csv}): source {@value #SOURCE}, a start event
 * whose kind is the drill's own ({@link #KINDS}), then {@code <kind>-done} or {@code <kind>-failed}, and
 * around it the queue's count ({@value #QUEUE_CHECK}). The run writes these and the analysis reads them,
 * so both take the words from here.
 */
public final class DrillEvents {
    public static final String SOURCE = "drill";
    public static final String PAUSE = "pause";
    public static final String KILL_CONNECTIONS = "kill-connections";
    public static final String RESTART = "restart";
    public static final String FAILOVER = "failover";
    public static final String ELASTICACHE_FAILOVER = "elasticache-failover";
    /** Every drill's start kind. */
    public static final List<String> KINDS = List.of(PAUSE, KILL_CONNECTIONS, RESTART, FAILOVER, ELASTICACHE_FAILOVER);
    /** The queue before and after a drill: detail {@code before=N after=M gone=G lost=L} ({@link QueueCount}). */
    public static final String QUEUE_CHECK = "queue-check";

    /**
     * What a drill's queue check found, in waiting entries over every event queue: before the drill, after it,
     * gone between, and of those, gone with their queue data (lost). Its {@link #detail()} is the event's text.
     */
    public record QueueCount(long before, long after, long gone, long lost) {
        private static final Pattern FIELDS = Pattern.compile("before=(\\d+) after=(\\d+) gone=(\\d+) lost=(\\d+)");

        /** {@code before=N after=M gone=G lost=L}, as the timeline keeps it. */
        public String detail() {
            return "before=" + before + " after=" + after + " gone=" + gone + " lost=" + lost;
        }

        /** The count in a queue-check event's text, or empty when it holds none (the check failed). */
        public static Optional<QueueCount> in(String detail) {
            Matcher fields = FIELDS.matcher(detail);
            if (!fields.find()) {
                return Optional.empty();
            }
            return Optional.of(new QueueCount(Long.parseLong(fields.group(1)), Long.parseLong(fields.group(2)),
                    Long.parseLong(fields.group(3)), Long.parseLong(fields.group(4))));
        }
    }

    private DrillEvents() {
    }

    /**
     * The window of the drill that {@code start} began: until its {@code -done} or {@code -failed} event,
     * or just its start when the timeline has neither (a run that ended mid-drill).
     */
    public static DrillWindow window(EventsCsv.Event start, List<EventsCsv.Event> events) {
        for (EventsCsv.Event event : events) {
            if (SOURCE.equals(event.source()) && event.epochMs() >= start.epochMs()
                    && (event.kind().equals(start.kind() + "-done") || event.kind().equals(start.kind() + "-failed"))) {
                return new DrillWindow(start.epochMs(), event.epochMs());
            }
        }
        return new DrillWindow(start.epochMs(), start.epochMs());
    }

    /** Whether the event is the start of a drill. */
    public static boolean isDrillStart(EventsCsv.Event event) {
        return SOURCE.equals(event.source()) && KINDS.contains(event.kind());
    }
}
