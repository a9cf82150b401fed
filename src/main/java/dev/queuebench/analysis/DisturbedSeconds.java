package dev.queuebench.analysis;

import dev.queuebench.rundir.DrillEvents;
import dev.queuebench.rundir.DrillWindow;
import dev.queuebench.rundir.EventsCsv;
import dev.queuebench.rundir.OutageRule;
import dev.queuebench.rundir.SamplerEvents;
import dev.queuebench.rundir.RequestSecond;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeSet;

/**
 * The seconds of a run that do not describe the target's capacity: outages ({@link OutageRule}) and
 * drills (each one's {@link DrillWindow} and the {@link OutageRule#DRILL_ONSET_SEC} s after it, and any
 * failing seconds that run on from there), and the sampler's node events no drill explains (a node gone,
 * replaced or changed role: {@link SamplerEvents#unplannedOutages}) and the same seconds after them. The knee and the latency drivers leave them out, so a restart is
 * named as what it is instead of "the knee at 40 requests/s".
 */
final class DisturbedSeconds {
    private DisturbedSeconds() {
    }

    static TreeSet<Long> of(RequestLog requests, List<EventsCsv.Event> events) {
        NavigableMap<Long, List<RequestSecond>> seconds = requests.bySecond();
        TreeSet<Long> disturbed = new TreeSet<>();
        Long lastOutage = null;
        for (Map.Entry<Long, List<RequestSecond>> second : seconds.entrySet()) {
            long ko = second.getValue().stream().mapToLong(RequestSecond::ko).sum();
            long total = second.getValue().stream().mapToLong(RequestSecond::total).sum();
            if (OutageRule.isOutageSecond(ko, total)) {
                if (lastOutage != null && OutageRule.continues(second.getKey() - lastOutage)) {
                    for (long sec = lastOutage + 1; sec < second.getKey(); sec++) {
                        disturbed.add(sec);
                    }
                }
                disturbed.add(second.getKey());
                lastOutage = second.getKey();
            }
        }
        for (EventsCsv.Event event : events) {
            if (!DrillEvents.isDrillStart(event)) {
                continue;
            }
            DrillWindow window = DrillEvents.window(event, events);
            markFrom(disturbed, seconds, Math.floorDiv(event.epochMs(), 1000L), window.disturbedUntilSec(),
                    window.disturbedUntilSec() + 600);
        }
        // A node gone, replaced or changed role with no drill to explain it: its second and the ones after it.
        for (EventsCsv.Event event : SamplerEvents.unplannedOutages(events)) {
            long start = Math.floorDiv(event.epochMs(), 1000L);
            markFrom(disturbed, seconds, start, start + OutageRule.DRILL_ONSET_SEC, start + 601);
        }
        return disturbed;
    }

    /** From {@code startSec}: every second before {@code untilSec}, then on while requests fail, {@code lastSec} at most. */
    private static void markFrom(TreeSet<Long> disturbed, NavigableMap<Long, List<RequestSecond>> seconds,
            long startSec, long untilSec, long lastSec) {
        for (long sec = startSec; sec <= lastSec && (sec < untilSec || failing(seconds.get(sec))); sec++) {
            disturbed.add(sec);
        }
    }

    private static boolean failing(List<RequestSecond> second) {
        return second != null && second.stream().anyMatch(row -> row.ko() > 0);
    }
}
