package dev.queuebench.load;

import dev.queuebench.record.RunRecorder;
import dev.queuebench.rundir.DrillWindow;
import dev.queuebench.rundir.OutageRule;
import dev.queuebench.rundir.RunOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Watches the run's seconds for an outage: seconds in which most requests failed. One that no drill
 * explains (it began outside every drill's {@link DrillWindow}, or there was none) means the
 * target failed during the run, so the run cannot end {@code completed}: its latencies and its knee
 * would describe an outage, not the target's capacity.
 */
final class OutageWatch {
    /** Consecutive seconds with most requests failing ({@link OutageRule}). */
    record Episode(long firstSec, long lastSec, long failed, long sent) {
        long seconds() {
            return lastSec - firstSec + 1;
        }
    }

    private final List<Episode> episodes = new ArrayList<>();

    synchronized void onSecondClosed(RunRecorder.ClosedSecond second) {
        if (!OutageRule.isOutageSecond(second.koCount(), second.requestsSent())) {
            return;
        }
        Episode last = episodes.isEmpty() ? null : episodes.get(episodes.size() - 1);
        if (last != null && OutageRule.continues(second.epochSec() - last.lastSec())) {
            episodes.set(episodes.size() - 1, new Episode(last.firstSec(), second.epochSec(),
                    last.failed() + second.koCount(), last.sent() + second.requestsSent()));
        } else {
            episodes.add(new Episode(second.epochSec(), second.epochSec(), second.koCount(), second.requestsSent()));
        }
    }

    /** The episodes no drill explains. */
    synchronized List<Episode> unplanned(List<DrillWindow> drills) {
        return episodes.stream().filter(episode -> drills.stream().noneMatch(drill -> drill.explains(episode.firstSec())))
                .toList();
    }

    /** A completed run with an unplanned outage ends {@code target-failed}, naming it. */
    StopEvaluator.Ending unlessOutage(StopEvaluator.Ending ending, List<DrillWindow> drills) {
        List<Episode> outages = unplanned(drills);
        if (ending.outcome() != RunOutcome.COMPLETED || outages.isEmpty()) {
            return ending;
        }
        Episode first = outages.get(0);
        long seconds = outages.stream().mapToLong(Episode::seconds).sum();
        String reason = String.format(Locale.ROOT, "an outage no drill explains: most requests failed for %d s "
                + "(%d of %d from %s%s), so the results describe an outage, not the target's capacity; see the "
                + "report's timeline and Redis's log", seconds, first.failed(), first.sent(),
                Instant.ofEpochSecond(first.firstSec()), outages.size() > 1 ? ", and " + (outages.size() - 1) + " more"
                        : "");
        return new StopEvaluator.Ending(RunOutcome.TARGET_FAILED, ending.reason() == null ? reason
                : reason + "; " + ending.reason());
    }
}
