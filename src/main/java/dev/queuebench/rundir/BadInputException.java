package dev.queuebench.rundir;

/** Input a user gave that cannot be used: the message names the file or endpoint and what is wrong. */
public class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
