package dev.queuebench.analysis;

import dev.queuebench.rundir.EventsCsv;
import dev.queuebench.rundir.RunFiles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The run's timeline for the report: the events of {@code events.csv} (a person's marks, and what
 * the harness did) and the counter resets the sampler's data shows (a restart or a failover), in
 * time order.
 */
final class RunEvents {
    private RunEvents() {
    }

    static List<EventsCsv.Event> of(RunFiles files, ServerMetrics server) {
        List<EventsCsv.Event> events = new ArrayList<>(EventsCsv.read(files).events());
        for (long second : server.counterResets()) {
            events.add(new EventsCsv.Event(second * 1000, "sampler", "counter-reset",
                    "Redis counters reset (a restart or a failover)"));
        }
        events.sort(Comparator.comparingLong(EventsCsv.Event::epochMs));
        return List.copyOf(events);
    }
}
