package dev.queuebench.rundir;

import java.util.List;

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
    /** The queue before and after a drill: detail {@code before=N after=M gone=G} (waiting entries). */
    public static final String QUEUE_CHECK = "queue-check";

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
