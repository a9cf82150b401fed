package dev.queuebench.record;

/** A {@code simulation.log} that queuebench cannot read; the message names the file, offset and cause. */
public final class SimulationLogFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SimulationLogFormatException(String message) {
        super(message);
    }
}
