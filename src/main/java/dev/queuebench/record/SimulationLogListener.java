package dev.queuebench.record;

/** Receives the records of a Gatling {@code simulation.log} in file order. Timestamps are epoch ms. */
public interface SimulationLogListener {
    /** The run record, always first. */
    void onRun(SimulationLogHeader header);

    /** A virtual user started ({@code start} true) or ended. */
    void onUser(boolean start, long timestampMillis);

    /** One request: name, send and receive times, OK or KO with Gatling's message (empty when OK). */
    void onRequest(String name, long startMillis, long endMillis, boolean ok, String message);

    /** An error outside any request (for instance a failed session function). */
    default void onError(String message, long timestampMillis) {
    }
}
