package dev.queuebench.load;

import dev.queuebench.record.RunRecorder;
import dev.queuebench.rundir.RunOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Watches the run's seconds for an outage: seconds in which most requests failed. One that no drill
 * explains (it began more than {@value #DRILL_ONSET_SEC} s after every drill, or there was none) means the
 * target failed during the run, so the run cannot end {@code completed}: its latencies and its knee
 * would describe an outage, not the target's capacity.
 */
final class OutageWatch {
    static final double FAILED_SHARE = 0.5;
    static final int MIN_REQUESTS = 5;
    static final int BRIDGE_SEC = 2;
    static final int DRILL_ONSET_SEC = 10;

    /** Consecutive seconds (gaps of up to {@value #BRIDGE_SEC} s bridged) with most requests failing. */
    record Episode(long firstSec, long lastSec, long failed, long sent) {
        long seconds() {
            return lastSec - firstSec + 1;
        }
    }

    private final List<Episode> episodes = new ArrayList<>();

    synchronized void onSecondClosed(RunRecorder.ClosedSecond second) {
        if (second.requestsSent() < MIN_REQUESTS || second.koCount() <= FAILED_SHARE * second.requestsSent()) {
            return;
        }
        Episode last = episodes.isEmpty() ? null : episodes.get(episodes.size() - 1);
        if (last != null && second.epochSec() - last.lastSec() <= BRIDGE_SEC + 1) {
            episodes.set(episodes.size() - 1, new Episode(last.firstSec(), second.epochSec(),
                    last.failed() + second.koCount(), last.sent() + second.requestsSent()));
        } else {
            episodes.add(new Episode(second.epochSec(), second.epochSec(), second.koCount(), second.requestsSent()));
        }
    }

    /** The episodes no drill explains. */
    synchronized List<Episode> unplanned(List<Long> drillMillis) {
        return episodes.stream().filter(episode -> drillMillis.stream().noneMatch(at -> episode.firstSec() >= at / 1000
                && episode.firstSec() <= at / 1000 + DRILL_ONSET_SEC)).toList();
    }

    /** A completed run with an unplanned outage ends {@code target-failed}, naming it. */
    StopEvaluator.Ending unlessOutage(StopEvaluator.Ending ending, List<Long> drillMillis) {
        List<Episode> outages = unplanned(drillMillis);
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
