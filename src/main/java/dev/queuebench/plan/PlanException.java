package dev.queuebench.plan;

/** A plan that cannot be made from the runs given, with what to run instead. */
public final class PlanException extends RuntimeException {
    public PlanException(String message) {
        super(message);
    }
}
