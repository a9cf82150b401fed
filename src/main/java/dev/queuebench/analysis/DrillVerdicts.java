package dev.queuebench.analysis;

import dev.queuebench.rundir.DrillEvents;
import dev.queuebench.rundir.EventsCsv;
import dev.queuebench.rundir.RequestSecond;
import dev.queuebench.rundir.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each drill of a run did, from the run's own seconds: the error window it opened (the first to
 * the last second with failed requests, gaps of up to {@value #BRIDGE_SEC} s bridged), the seconds with
 * more than 1% failed, the failures by cause, how long p99 took to come back within 1.2× its level of
 * the 10 s before ({@link DrillLatency}), and the users the integrity audit saw lost. Each drill is
 * judged until the next one starts or the run ends.
 */
final class DrillVerdicts {
    static final int BRIDGE_SEC = 2;
    /** Failures must begin within this many seconds of the drill's end (its -done event) to be its error window. */
    static final int ONSET_SEC = 5;

    private DrillVerdicts() {
    }

    /** The epoch second each drill of the run started, in time order: what {@link DrillLatency} watches. */
    static List<Long> startSecs(List<EventsCsv.Event> events) {
        return events.stream().filter(DrillEvents::isDrillStart).map(drill -> Math.floorDiv(drill.epochMs(), 1000L))
                .toList();
    }

    static List<Summary.DrillVerdict> of(List<EventsCsv.Event> events, RequestLog requests, Timeline timeline,
            DrillLatency latency, Summary.Integrity integrity) {
        List<EventsCsv.Event> drills = events.stream()
                .filter(DrillEvents::isDrillStart).toList();
        List<Summary.DrillVerdict> verdicts = new ArrayList<>();
        long lastSec = timeline.epochSec().length == 0 ? 0 : timeline.epochSec()[timeline.epochSec().length - 1];
        for (int i = 0; i < drills.size(); i++) {
            EventsCsv.Event drill = drills.get(i);
            long startSec = Math.floorDiv(drill.epochMs(), 1000L);
            long untilSec = i + 1 < drills.size() ? Math.floorDiv(drills.get(i + 1).epochMs(), 1000L) : lastSec + 1;
            verdicts.add(verdict("drill-" + (i + 1) + "-" + drill.kind(), drill, startSec, untilSec, requests,
                    latency, integrity, events));
        }
        return List.copyOf(verdicts);
    }

    private static Summary.DrillVerdict verdict(String name, EventsCsv.Event drill, long startSec, long untilSec,
            RequestLog requests, DrillLatency latency, Summary.Integrity integrity, List<EventsCsv.Event> events) {
        long doneSec = Math.floorDiv(DrillEvents.window(drill, events).endEpochMs(), 1000L);
        long first = 0;
        long last = 0;
        long over1Pct = 0;
        for (long sec = startSec; sec < untilSec; sec++) {
            long ko = 0;
            long total = 0;
            for (RequestSecond second : requests.bySecond().getOrDefault(sec, List.of())) {
                ko += second.ko();
                total += second.total();
            }
            if (total > 0 && ko > 0.01 * total) {
                over1Pct++;
            }
            if (ko == 0) {
                continue;
            }
            if (first == 0 && sec <= doneSec + ONSET_SEC) {
                first = sec;
                last = sec;
            } else if (first != 0 && sec - last <= BRIDGE_SEC + 1) {
                last = sec;
            }
        }
        long failed = 0;
        Map<String, Long> byCause = new LinkedHashMap<>();
        if (first != 0) {
            for (long sec = first; sec <= last; sec++) {
                for (RequestSecond second : requests.bySecond().getOrDefault(sec, List.of())) {
                    failed += second.ko();
                    second.koByCause().forEach((cause, count) -> byCause.merge(cause, count, Long::sum));
                }
            }
        }
        double pre = latency.preDrillP99Micros(startSec);
        long lost = 0;
        if (integrity != null) {
            for (Summary.LossSecond loss : integrity.lostBySecond()) {
                if (loss.epochSec() >= startSec && loss.epochSec() < untilSec) {
                    lost += loss.users();
                }
            }
        }
        QueueCheck queue = QueueCheck.after(drill, untilSec, events);
        return new Summary.DrillVerdict(name, drill.kind(), drill.epochMs(), drill.detail(), first,
                first == 0 ? 0 : last - first + 1, over1Pct, failed, byCause, pre,
                latency.recoverySec(startSec, untilSec, sec -> failedAt(requests, sec)), lost, queue.before(),
                queue.lost());
    }

    private static boolean failedAt(RequestLog requests, long epochSec) {
        return requests.bySecond().getOrDefault(epochSec, List.of()).stream().anyMatch(second -> second.ko() > 0);
    }

    /** The queue's waiting entries before the drill and those lost across it, from its queue check; null when unknown. */
    private record QueueCheck(Long before, Long lost) {
        static QueueCheck after(EventsCsv.Event drill, long untilSec, List<EventsCsv.Event> events) {
            for (EventsCsv.Event event : events) {
                if (event.source().equals(DrillEvents.SOURCE) && event.kind().equals(DrillEvents.QUEUE_CHECK)
                        && event.epochMs() >= drill.epochMs() && Math.floorDiv(event.epochMs(), 1000L) < untilSec) {
                    var count = DrillEvents.QueueCount.in(event.detail());
                    if (count.isPresent()) {
                        return new QueueCheck(count.get().before(), count.get().lost());
                    }
                }
            }
            return new QueueCheck(null, null);
        }
    }
}
