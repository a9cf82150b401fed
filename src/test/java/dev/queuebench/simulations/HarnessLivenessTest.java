package dev.queuebench.simulations;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HarnessLivenessTest {
    @Test
    void aRunningProcessIsAliveAndAnEndedOneIsNot() throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            HarnessLiveness liveness = HarnessLiveness.of(child.toHandle());
            assertTrue(liveness.alive());
            assertTrue(liveness.alive(), "asked again, the same open file answers");
            child.destroy();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            assertFalse(liveness.alive());
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void theStateIsReadAfterTheCommandWhateverItsName() {
        assertFalse(HarnessLiveness.stateIsDead("4242 (java) S 1 4242 4242 0 -1"));
        assertTrue(HarnessLiveness.stateIsDead("4242 (java) Z 1 4242 4242 0 -1"));
        assertFalse(HarnessLiveness.stateIsDead("4242 (odd) Z name) R 1 4242"), "a name may hold ') Z'");
        assertTrue(HarnessLiveness.stateIsDead("4242 (x) X 1"));
        assertFalse(HarnessLiveness.stateIsDead("garbled"), "unreadable is not proof of death");
    }
}
