package dev.queuebench.gate;

/** Gate or compare input that cannot be used (a rules file, a baseline, a JMH file), with what to do. */
public final class GateInputException extends RuntimeException {
    public GateInputException(String message) {
        super(message);
    }
}
