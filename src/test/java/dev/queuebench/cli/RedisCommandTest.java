package dev.queuebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RedisCommandTest {

    @Test
    void unsetPasswordVariableIsAUsageError() {
        String variable = "QUEUEBENCH_TEST_VARIABLE_THAT_IS_NOT_SET";
        assertEquals(null, System.getenv(variable));
        CommandLine commandLine = QueuebenchCommand.commandLine();
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute("redis", "--password-env", variable);
        assertEquals(QueuebenchCommand.EXIT_USAGE, exitCode);
        assertTrue(err.toString().contains("--password-env " + variable + ": the environment variable is not set"),
                err.toString());
    }

    @Test
    void helpListsTheOptions() {
        CommandLine commandLine = QueuebenchCommand.commandLine();
        StringWriter out = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        assertEquals(0, commandLine.execute("redis", "--help"));
        assertTrue(out.toString().contains("--password-env=VAR"), out.toString());
        assertTrue(out.toString().contains("--replica"), out.toString());
    }
}
