package dev.queuebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code queuebench jmh} end to end on its own embedded Redis, one tiny benchmark run in this JVM. */
class JmhCommandIT {
    @TempDir
    Path out;

    @Test
    void writesJmhJsonAndAMarkdownTableWithServerCost() throws Exception {
        CommandLine commandLine = QueuebenchCommand.commandLine();
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int exitCode;
        // JMH's /tmp/jmh.lock keeps two benchmark runs apart; this tiny run on a private Redis need not wait.
        System.setProperty("jmh.ignoreLock", "true");
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            exitCode = commandLine.execute("jmh", "--out", out.toString(), "ScriptBenchmarks\\.evalsha$",
                    "-p", "script=SEAT_HOLD", "-p", "keys=HOT", "-f", "0", "-t", "1",
                    "-wi", "1", "-w", "200ms", "-i", "1", "-r", "200ms");
        } finally {
            System.setOut(stdout);
            System.clearProperty("jmh.ignoreLock");
        }
        assertEquals(QueuebenchCommand.EXIT_OK, exitCode, err.toString());

        List<Path> files;
        try (Stream<Path> listing = Files.list(out)) {
            files = listing.sorted().toList();
        }
        assertEquals(2, files.size(), files.toString());
        assertTrue(files.get(0).getFileName().toString().matches("\\d{8}T\\d{6}Z-quick\\.json"), files.toString());
        JsonNode run = new ObjectMapper().readTree(files.get(0).toFile()).get(0);
        assertEquals("dev.queuebench.jmh.ScriptBenchmarks.evalsha", run.get("benchmark").asText());
        assertTrue(run.get("primaryMetric").get("score").asDouble() > 0);
        assertTrue(run.get("secondaryMetrics").get("redis.cpu.us/op").get("score").asDouble() > 0);

        String markdown = Files.readString(files.get(1));
        assertTrue(markdown.contains("| ScriptBenchmarks.evalsha | keys=HOT script=SEAT_HOLD | 1 | thrpt |"), markdown);
        // One measured iteration: too few to tell a level from a climb, and the table says so.
        assertTrue(markdown.contains(" | unchecked (< 4 iterations) |\n"), markdown);
        String console = printed.toString(StandardCharsets.UTF_8);
        assertTrue(console.contains("| ScriptBenchmarks.evalsha | keys=HOT script=SEAT_HOLD | 1 | thrpt |"), console);
        assertTrue(console.contains("Results written to " + files.get(0)), console);
    }
}
