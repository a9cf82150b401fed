package dev.queuebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Errors of {@code queuebench jmh} that are found before any benchmark runs. */
class JmhCommandTest {
    @TempDir
    Path out;

    @Test
    void unknownPresetIsAUsageError() {
        Result result = run("jmh", "--preset", "medium", "--out", out.toString());
        assertEquals(QueuebenchCommand.EXIT_USAGE, result.exitCode());
        assertTrue(result.err().contains("--preset: unknown preset 'medium': use one of quick, full"), result.err());
    }

    @Test
    void malformedJmhOptionIsAUsageError() {
        Result result = run("jmh", "--out", out.toString(), "-wi", "many");
        assertEquals(QueuebenchCommand.EXIT_USAGE, result.exitCode());
        assertTrue(result.err().contains("JMH options:"), result.err());
    }

    @Test
    void unreachableRedisFailsWithoutPrintingThePassword() throws Exception {
        int closedPort = closedLoopbackPort();
        Result result = run("jmh", "--redis", "redis://bench:s3cret-pw@127.0.0.1:" + closedPort, "--out", out.toString());
        assertEquals(QueuebenchCommand.EXIT_FAILURE, result.exitCode());
        assertTrue(result.err().contains("Cannot reach Redis"), result.err());
        assertTrue(result.err().contains("127.0.0.1:" + closedPort), result.err());
        assertFalse(result.err().contains("s3cret-pw"), result.err());
        try (var files = Files.list(out)) {
            assertEquals(0, files.count(), "no results for a run that never started");
        }
    }

    private static int closedLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private record Result(int exitCode, String err) {
    }

    private static Result run(String... args) {
        CommandLine commandLine = QueuebenchCommand.commandLine();
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err));
        commandLine.setOut(new PrintWriter(new StringWriter()));
        return new Result(commandLine.execute(args), err.toString());
    }
}
