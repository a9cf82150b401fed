package dev.queuebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What {@code queuebench jmh} answers before any benchmark runs: usage errors, an unreachable Redis, and JMH's own
 * listings and help. The listings are asked with {@code --redis} at a closed port, so a command that tried to
 * start the benchmarks would fail with "Cannot reach Redis" instead of answering.
 */
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

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void dashLListsTheBenchmarksInTheJarAndRunsNothing() throws Exception {
        Printed printed = listing("-l");
        assertEquals("Benchmarks: ", printed.stdout().lines().findFirst().orElseThrow());
        Set<String> listed = new TreeSet<>(printed.stdout().lines().skip(1).toList());
        assertEquals(new TreeSet<>(Arrays.asList(
                "dev.queuebench.jmh.ConnectionCountBenchmarks.evalshaWithIdleConnections",
                "dev.queuebench.jmh.EndpointBenchmarks.enter",
                "dev.queuebench.jmh.EndpointBenchmarks.join",
                "dev.queuebench.jmh.EndpointBenchmarks.status",
                "dev.queuebench.jmh.PoolBenchmarks.evalshaThroughPool",
                "dev.queuebench.jmh.ScriptBenchmarks.commands",
                "dev.queuebench.jmh.ScriptBenchmarks.eval",
                "dev.queuebench.jmh.ScriptBenchmarks.evalsha",
                "dev.queuebench.jmh.ScriptBenchmarks.pipelined")), listed);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void dashLWithAPatternListsOnlyTheMatchingBenchmarks() throws Exception {
        Printed printed = listing("EndpointBenchmarks\\.st", "-l");
        assertEquals("Benchmarks: \ndev.queuebench.jmh.EndpointBenchmarks.status\n", printed.stdout());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void dashLpListsTheBenchmarksWithTheirParameterValues() throws Exception {
        Printed printed = listing("-lp");
        assertTrue(printed.stdout().contains("dev.queuebench.jmh.ScriptBenchmarks.evalsha\n"
                + "  param \"keys\" = {HOT, SPREAD}\n"
                + "  param \"script\" = {ENQUEUE, ADMISSION_BUCKET, RATE_LIMIT_BUCKET, SEAT_HOLD, SEAT_RELEASE}\n"),
                printed.stdout());
        assertTrue(printed.stdout().contains("dev.queuebench.jmh.PoolBenchmarks.evalshaThroughPool\n"
                + "  param \"pool\" = {current, emergency, recommended, custom;maxActive=8;maxIdle=2}\n"),
                printed.stdout());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void dashLprofListsJmhsProfilers() throws Exception {
        Printed printed = listing("-lprof");
        assertTrue(printed.stdout().startsWith("Supported profilers:\n"), printed.stdout());
        assertTrue(printed.stdout().contains("          gc: GC profiling via standard MBeans"), printed.stdout());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void dashLrfListsJmhsResultFormats() throws Exception {
        Printed printed = listing("-lrf");
        assertEquals("Available formats: text, csv, scsv, json, latex\n", printed.stdout());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void dashHPrintsJmhsOptionsAndPointsToQueuebenchsOwn() throws Exception {
        Printed printed = listing("-h");
        assertTrue(printed.stdout().startsWith("JMH's own options, which 'queuebench jmh' passes to JMH as they are"
                + " (queuebench's: queuebench jmh --help).\n\nUsage: java -jar ... [regexp*] [options]\n"),
                printed.stdout());
        assertTrue(printed.stdout().contains("  -lprof "), printed.stdout());
        assertTrue(printed.stdout().contains("  -wi <int> "), printed.stdout());
    }

    @Test
    void dashDashHelpStillPrintsQueuebenchsOwnUsage() {
        CommandLine commandLine = QueuebenchCommand.commandLine();
        StringWriter usage = new StringWriter();
        commandLine.setOut(new PrintWriter(usage));
        assertEquals(QueuebenchCommand.EXIT_OK, commandLine.execute("jmh", "--help"));
        assertTrue(usage.toString().startsWith("Usage: queuebench jmh [-V] [--help]"), usage.toString());
        assertTrue(usage.toString().contains("--preset=NAME"), usage.toString());
    }

    /** Runs {@code jmh} with JMH's arguments, checks it succeeded and wrote nothing, and returns what it printed. */
    private Printed listing(String... jmhArguments) throws Exception {
        Path results = out.resolve("results");
        String[] args = new String[4 + jmhArguments.length];
        args[0] = "jmh";
        args[1] = "--redis=redis://127.0.0.1:" + closedLoopbackPort();
        args[2] = "--out";
        args[3] = results.toString();
        System.arraycopy(jmhArguments, 0, args, 4, jmhArguments.length);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream console = System.out;
        Result result;
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            result = run(args);
        } finally {
            System.setOut(console);
        }
        Printed printed = new Printed(result.exitCode(), stdout.toString(StandardCharsets.UTF_8), result.err());
        assertEquals(QueuebenchCommand.EXIT_OK, printed.exitCode(), printed.err());
        assertEquals("", printed.err());
        assertFalse(printed.stdout().contains("Benchmarking Redis"), printed.stdout());
        assertFalse(Files.exists(results), "no results directory for a listing");
        return printed;
    }

    private record Printed(int exitCode, String stdout, String err) {
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
