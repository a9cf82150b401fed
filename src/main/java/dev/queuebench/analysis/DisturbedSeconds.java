package dev.queuebench.analysis;

import dev.queuebench.rundir.EventsCsv;
import dev.queuebench.rundir.RequestSecond;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeSet;

/**
 * The seconds of a run that do not describe the target's capacity: outages (most requests failing,
 * gaps of up to 2 s bridged) and drills (the first {@value #DRILL_SEC} s after each, and any failing
 * seconds that run on from there). The knee and the latency drivers leave them out, so a restart is
 * named as what it is instead of "the knee at 40 requests/s".
 */
final class DisturbedSeconds {
    static final int DRILL_SEC = 10;
    static final double FAILED_SHARE = 0.5;
    static final int MIN_REQUESTS = 5;
    static final int BRIDGE_SEC = 2;

    private DisturbedSeconds() {
    }

    static TreeSet<Long> of(RequestLog requests, List<EventsCsv.Event> events) {
        NavigableMap<Long, List<RequestSecond>> seconds = requests.bySecond();
        TreeSet<Long> disturbed = new TreeSet<>();
        Long lastOutage = null;
        for (Map.Entry<Long, List<RequestSecond>> second : seconds.entrySet()) {
            long ko = second.getValue().stream().mapToLong(RequestSecond::ko).sum();
            long total = second.getValue().stream().mapToLong(RequestSecond::total).sum();
            if (total >= MIN_REQUESTS && ko > FAILED_SHARE * total) {
                if (lastOutage != null && second.getKey() - lastOutage <= BRIDGE_SEC + 1) {
                    for (long sec = lastOutage + 1; sec < second.getKey(); sec++) {
                        disturbed.add(sec);
                    }
                }
                disturbed.add(second.getKey());
                lastOutage = second.getKey();
            }
        }
        for (EventsCsv.Event event : events) {
            if (!event.source().equals("drill") || !DrillVerdicts.DRILL_KINDS.contains(event.kind())) {
                continue;
            }
            long start = Math.floorDiv(event.epochMs(), 1000L);
            long sec = start;
            while (sec < start + DRILL_SEC || failing(seconds.get(sec))) {
                disturbed.add(sec);
                sec++;
                if (sec > start + 600) {
                    break;
                }
            }
        }
        return disturbed;
    }

    private static boolean failing(List<RequestSecond> second) {
        return second != null && second.stream().anyMatch(row -> row.ko() > 0);
    }
}
