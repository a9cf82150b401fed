package dev.queuebench.redis;

/** The launchers' waits between polls: an interrupt ends the wait with an error that says so. */
final class Sleeps {
    private Sleeps() {
    }

    static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a local server", e);
        }
    }
}
