package dev.queuebench.rundir;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the INFO sampler puts on the run's timeline ({@code events.csv}, source {@value #SOURCE}) when an
 * endpoint changes, and which of those no drill explains: a node gone, replaced (restarted or failed over)
 * or changed role outside every drill's window is an unplanned outage, whatever the requests did.
 */
public final class SamplerEvents {
    public static final String SOURCE = "sampler";
    /** The endpoint did not answer INFO. */
    public static final String NODE_GONE = "node-gone";
    /** It answers again. */
    public static final String NODE_BACK = "node-back";
    /** Another redis-server process answers it (a new run_id): a restart, or the endpoint moved. */
    public static final String NODE_REPLACED = "node-replaced";
    public static final String ROLE_CHANGE = "role-change";
    /** Counters went back without another process (CONFIG RESETSTAT). */
    public static final String COUNTERS_RESET = "counters-reset";
    private static final Set<String> OUTAGE_KINDS = Set.of(NODE_GONE, NODE_REPLACED, ROLE_CHANGE);

    private SamplerEvents() {
    }

    /** The sampler's outage events (node gone, replaced, role change) that begin outside every drill's window. */
    public static List<EventsCsv.Event> unplannedOutages(List<EventsCsv.Event> events) {
        List<DrillWindow> drills = new ArrayList<>();
        for (EventsCsv.Event event : events) {
            if (DrillEvents.isDrillStart(event)) {
                drills.add(DrillEvents.window(event, events));
            }
        }
        List<EventsCsv.Event> unplanned = new ArrayList<>();
        for (EventsCsv.Event event : events) {
            long sec = Math.floorDiv(event.epochMs(), 1000L);
            if (SOURCE.equals(event.source()) && OUTAGE_KINDS.contains(event.kind())
                    && drills.stream().noneMatch(drill -> drill.explains(sec))) {
                unplanned.add(event);
            }
        }
        return unplanned;
    }
}
