package dev.queuebench.gateway;

/** A request that ends with one of the gateway's error answers; the message is shown to the client. */
public final class QueueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final QueueError error;

    public QueueException(QueueError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public QueueError error() {
        return error;
    }
}
