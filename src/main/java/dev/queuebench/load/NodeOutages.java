package dev.queuebench.load;

import dev.queuebench.rundir.EventsCsv;
import dev.queuebench.rundir.RunOutcome;
import dev.queuebench.rundir.SamplerEvents;
import java.time.Instant;
import java.util.List;

/**
 * A Redis node that went away, was replaced (restarted, failed over) or changed role during the run with
 * no drill to explain it, as the sampler saw it: the run cannot end {@code completed}, even when few
 * requests failed, because its numbers span an event the plan did not contain.
 */
final class NodeOutages {
    private NodeOutages() {
    }

    static StopEvaluator.Ending unlessUnplanned(StopEvaluator.Ending ending, List<EventsCsv.Event> events) {
        if (ending.outcome() != RunOutcome.COMPLETED) {
            return ending;
        }
        List<EventsCsv.Event> unplanned = SamplerEvents.unplannedOutages(events);
        if (unplanned.isEmpty()) {
            return ending;
        }
        EventsCsv.Event first = unplanned.get(0);
        String reason = "an outage no drill explains: at " + Instant.ofEpochMilli(first.epochMs()) + " the sampler saw "
                + first.kind() + " (" + first.detail() + ")" + (unplanned.size() > 1 ? ", and " + (unplanned.size() - 1)
                + " more node event(s)" : "") + "; see the report's timeline and Redis's log";
        return new StopEvaluator.Ending(RunOutcome.TARGET_FAILED, ending.reason() == null ? reason
                : reason + "; " + ending.reason());
    }
}
