package dev.queuebench.metrics.sampler;

import dev.queuebench.redis.InfoSnapshot;
import dev.queuebench.rundir.EventsCsv;
import dev.queuebench.rundir.SamplerEvents;
import java.util.ArrayList;
import java.util.List;

/**
 * What changed at one endpoint between two INFO replies, for the run's timeline ({@link SamplerEvents}):
 * the endpoint stopped answering or answers again; another redis-server process answers (a new
 * {@code run_id}, i.e. a restart or the endpoint moved to another node); its role changed; its counters
 * went back without either (e.g. CONFIG RESETSTAT). An endpoint seen once is enough: the first reply is compared with nothing.
 */
final class NodeChanges {
    private static final String SOURCE = SamplerEvents.SOURCE;
    private static final String NODE_GONE = SamplerEvents.NODE_GONE;
    private static final String NODE_BACK = SamplerEvents.NODE_BACK;
    private static final String NODE_REPLACED = SamplerEvents.NODE_REPLACED;
    private static final String ROLE_CHANGE = SamplerEvents.ROLE_CHANGE;
    private static final String COUNTERS_RESET = SamplerEvents.COUNTERS_RESET;

    private final String endpoint;
    private InfoSnapshot last;
    private boolean gone;

    /** @param endpoint how the events name the endpoint, e.g. {@code primary 127.0.0.1:6379} */
    NodeChanges(String endpoint) {
        this.endpoint = endpoint;
    }

    /** The endpoint did not answer: an event the first time only. */
    List<EventsCsv.Event> unanswered(long epochMs, String why) {
        if (gone) {
            return List.of();
        }
        gone = true;
        return List.of(new EventsCsv.Event(epochMs, SOURCE, NODE_GONE, endpoint + " did not answer INFO: " + why));
    }

    /** The endpoint answered with {@code info}. */
    List<EventsCsv.Event> answered(long epochMs, InfoSnapshot info) {
        List<EventsCsv.Event> events = new ArrayList<>();
        if (gone) {
            gone = false;
            events.add(new EventsCsv.Event(epochMs, SOURCE, NODE_BACK, endpoint + " answers INFO again"));
        }
        if (last != null) {
            String runIdBefore = last.text("run_id").orElse("");
            String runIdNow = info.text("run_id").orElse("");
            boolean replaced = !runIdBefore.equals(runIdNow);
            if (replaced) {
                events.add(new EventsCsv.Event(epochMs, SOURCE, NODE_REPLACED, endpoint + " is another redis-server "
                        + "process now (run_id changed; port " + last.text("tcp_port").orElse("?") + " -> "
                        + info.text("tcp_port").orElse("?") + ", uptime " + info.text("uptime_in_seconds").orElse("?")
                        + " s): restarted, or the endpoint moved to another node; its counters start again"));
            }
            String roleBefore = last.text("role").orElse("?");
            String roleNow = info.text("role").orElse("?");
            if (!roleBefore.equals(roleNow)) {
                events.add(new EventsCsv.Event(epochMs, SOURCE, ROLE_CHANGE, endpoint + " role " + roleBefore
                        + " -> " + roleNow));
            }
            if (!replaced && CounterResetDetector.isReset(last, info)) {
                events.add(new EventsCsv.Event(epochMs, SOURCE, COUNTERS_RESET, endpoint + " counters went back "
                        + "(CONFIG RESETSTAT?): no rates for this second"));
            }
        }
        last = info;
        return events;
    }
}
