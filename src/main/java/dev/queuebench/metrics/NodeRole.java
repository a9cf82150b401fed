package dev.queuebench.metrics;

/** Which endpoint a sample came from: the {@code node} column of {@code server.csv}. */
public enum NodeRole {
    PRIMARY("primary"),
    READER("reader");

    private final String column;

    NodeRole(String column) {
        this.column = column;
    }

    /** The value in the {@code node} column. */
    public String column() {
        return column;
    }
}
