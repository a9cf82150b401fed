package dev.queuebench.simulations;

import dev.queuebench.profile.SimulationProperty;

/**
 * Holds the simulation until the run's common start ({@code run --start-at}), so every injector of a
 * multi-injector run begins the profile's first phase at the same instant and their parts line up to
 * the second. An injector whose simulation is up more than {@value #LATE_TOLERANCE_MS} ms after that
 * instant refuses to run shifted: it prints {@link SimulationProperty#STARTED_LATE} and fails.
 */
final class StartGate {
    static final long LATE_TOLERANCE_MS = 1_000;

    private StartGate() {
    }

    static void await(long startAtEpochMs) {
        if (startAtEpochMs <= 0) {
            return;
        }
        long lateMs = System.currentTimeMillis() - startAtEpochMs;
        if (lateMs > LATE_TOLERANCE_MS) {
            String message = SimulationProperty.STARTED_LATE + " the simulation was ready " + lateMs + " ms after "
                    + "--start-at " + java.time.Instant.ofEpochMilli(startAtEpochMs) + "; a part that ran shifted "
                    + "would not line up with the others, so this one does not run. Start the injectors earlier "
                    + "(a later --start-at, or k8s job --start-in-sec)";
            System.out.println(message);
            throw new IllegalStateException(message);
        }
        while (System.currentTimeMillis() < startAtEpochMs) {
            try {
                Thread.sleep(Math.max(1, Math.min(200, startAtEpochMs - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for --start-at", e);
            }
        }
    }
}
