package dev.queuebench.rundir;

/** A run directory that cannot be read: the message names the file, the line and what is wrong. */
public final class RunDataException extends BadInputException {
    private static final long serialVersionUID = 1L;

    public RunDataException(String message) {
        super(message);
    }

    public RunDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
