package dev.queuebench.rundir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DrillEventsTest {
    @Test
    void aQueueCountReadsBackFromTheTextItWritesAndFromNothingElse() {
        DrillEvents.QueueCount count = new DrillEvents.QueueCount(1171, 1168, 7, 3);
        assertEquals("before=1171 after=1168 gone=7 lost=3", count.detail());
        assertEquals(Optional.of(count), DrillEvents.QueueCount.in(count.detail() + " (drill at measured second 8)"));
        assertEquals(Optional.empty(), DrillEvents.QueueCount.in("the queue could not be read after the drill"));
    }
}
