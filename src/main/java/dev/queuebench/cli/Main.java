package dev.queuebench.cli;

import picocli.CommandLine;

/** Entry point of the {@code queuebench} jar. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(QueuebenchCommand.commandLine().execute(args));
    }
}
