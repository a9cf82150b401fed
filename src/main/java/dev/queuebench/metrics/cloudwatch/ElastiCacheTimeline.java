package dev.queuebench.metrics.cloudwatch;

import dev.queuebench.rundir.EventsCsv;
import dev.queuebench.rundir.RunFiles;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;

/**
 * Puts ElastiCache events on a run's timeline ({@code events.csv}), the same way for {@code events import}
 * and {@code events fetch}: those outside the run's span ({@link RunSpan}) are left out and counted, the
 * rest go in time order, each once ({@link EventsCsv#appendNew}: an event already there is not added
 * again), all in one write or none.
 */
public final class ElastiCacheTimeline {
    /**
     * What an append did.
     *
     * @param added        the events now on the timeline that were not before
     * @param alreadyThere events of the run's span the timeline held already (or repeated in the input)
     * @param outsideRun   events before the run's start or after its end, left out
     */
    public record Result(List<EventsCsv.Event> added, int alreadyThere, int outsideRun, RunSpan span) {
        /** {@code Added 3 ElastiCache events to …/events.csv; 2 already there; 1 outside the run (… to …) left out}. */
        public String describe(RunFiles run) {
            return "Added " + added.size() + " ElastiCache event" + (added.size() == 1 ? "" : "s") + " to "
                    + run.file(RunFiles.EVENTS_CSV)
                    + (alreadyThere == 0 ? "" : "; " + alreadyThere + " already there")
                    + (outsideRun == 0 ? "" : "; " + outsideRun + " outside the run (" + span + ") left out");
        }
    }

    private ElastiCacheTimeline() {
    }

    public static Result append(RunFiles run, List<ElastiCacheEvent> events) throws IOException {
        RunSpan span = RunSpan.of(run);
        List<EventsCsv.Event> inside = events.stream().filter(event -> span.contains(event.epochMs()))
                .sorted(Comparator.comparingLong(ElastiCacheEvent::epochMs))
                .map(ElastiCacheEvent::timelineEvent).toList();
        List<EventsCsv.Event> added = EventsCsv.appendNew(run, inside);
        return new Result(added, inside.size() - added.size(), events.size() - inside.size(), span);
    }
}
