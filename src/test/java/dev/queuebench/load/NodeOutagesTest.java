package dev.queuebench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.rundir.EventsCsv;
import dev.queuebench.rundir.RunOutcome;
import dev.queuebench.rundir.SamplerEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeOutagesTest {
    private static final StopEvaluator.Ending COMPLETED = new StopEvaluator.Ending(RunOutcome.COMPLETED, null);

    @Test
    void aNodeReplacedWithNoDrillToExplainItIsAnUnplannedOutage() {
        List<EventsCsv.Event> events = List.of(
                new EventsCsv.Event(100_000, "sampler", "node-gone", "primary redis://127.0.0.1:6379/0 did not answer"),
                new EventsCsv.Event(101_000, "sampler", "node-back", "primary answers INFO again"),
                new EventsCsv.Event(101_000, "sampler", "node-replaced", "primary is another redis-server process now"));
        StopEvaluator.Ending ending = NodeOutages.unlessUnplanned(COMPLETED, events);
        assertEquals(RunOutcome.TARGET_FAILED, ending.outcome());
        assertTrue(ending.reason().startsWith("an outage no drill explains: at 1970-01-01T00:01:40Z the sampler saw "
                + "node-gone"), ending.reason());
        assertTrue(ending.reason().contains("and 1 more node event(s)"), ending.reason());
        StopEvaluator.Ending aborted = new StopEvaluator.Ending(RunOutcome.ABORTED, "interrupted");
        assertEquals(aborted, NodeOutages.unlessUnplanned(aborted, events), "another ending stays as it was");
    }

    @Test
    void aDrillExplainsTheNodeEventsFromItsStartUntilTenSecondsAfterItWasDone() {
        List<EventsCsv.Event> events = List.of(
                new EventsCsv.Event(90_000, "drill", "failover", "started"),
                new EventsCsv.Event(95_000, "drill", "failover-done", "after 5000 ms"),
                new EventsCsv.Event(101_000, "sampler", "node-replaced", "another process"),
                new EventsCsv.Event(105_999, "sampler", "role-change", "role slave -> master"),
                new EventsCsv.Event(106_000, "sampler", "counters-reset", "CONFIG RESETSTAT"));
        assertEquals(List.of(), SamplerEvents.unplannedOutages(events));
        assertEquals(COMPLETED, NodeOutages.unlessUnplanned(COMPLETED, events));
        List<EventsCsv.Event> later = List.of(events.get(0), events.get(1),
                new EventsCsv.Event(106_000, "sampler", "node-gone", "did not answer"));
        assertEquals(1, SamplerEvents.unplannedOutages(later).size(), "11 s after the drill was done: unplanned");
    }
}
