package dev.queuebench.plan;

/** A node catalog that cannot be used: the message names the file, the node and the field. */
public final class CatalogException extends RuntimeException {
    public CatalogException(String message) {
        super(message);
    }
}
