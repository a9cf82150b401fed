package dev.queuebench.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;

/** What a {@code queuebench} command line did: its exit code and what it printed to stdout and stderr. */
public record CommandOutput(int exitCode, String out, String err) {
    /** Runs the command line as {@code Main} does, capturing what it prints. */
    public static CommandOutput run(String... args) {
        return capture(() -> QueuebenchCommand.commandLine().execute(args));
    }

    /** Runs a piece of a command, capturing what it prints; its result stands as the exit code. */
    static CommandOutput capture(IntSupplier action) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = action.getAsInt();
            return new CommandOutput(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
