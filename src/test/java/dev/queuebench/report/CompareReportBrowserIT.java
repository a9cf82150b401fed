package dev.queuebench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.analysis.GoldenRun;
import dev.queuebench.cli.QueuebenchCommand;
import dev.queuebench.profile.Phase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the compare.html that {@code queuebench compare BASE CANDIDATE} writes in a real headless chromium
 * from disk, with networking off: the page renders its table with every difference compare.md lists, marks
 * the planted regression, writes nothing to the console, and leaves nothing in /tmp. A screenshot is kept
 * under target/report-screenshots/ for a human to look at.
 */
class CompareReportBrowserIT {
    private static final Pattern ROW = Pattern.compile("<tr( class=\"(worse|better)\")?><td>([^<]*)</td><td>([^<]*)"
            + "</td><td>([^<]*)</td>");

    @TempDir
    Path temp;

    @Test
    void aFiftyPercentSlowerCandidateRendersAsWorseWithNothingOnTheConsole() throws Exception {
        Chromium chromium = Chromium.findOrSkip(temp);
        Set<String> tmpBefore = Chromium.leftoversInTmp();
        Path base = run("20261125T101500Z-base", 1, 2_000);
        Path candidate = run("20261125T111500Z-slower", 2, 3_000);
        String markdown = compare(base, candidate);
        Path html = candidate.resolve("compare.html");

        Chromium.Rendered rendered = chromium.render(html);
        assertEquals(List.of(), rendered.console());
        String dom = rendered.dom();
        assertTrue(dom.contains("<h1>queuebench compare</h1>"), dom);
        assertTrue(dom.contains("Baseline <b>20261125T101500Z-base</b>, candidate <b>20261125T111500Z-slower</b>"), dom);
        assertTrue(dom.contains("<tr><th>step</th><th>request</th><th>metric</th><th>baseline</th><th>candidate</th>"
                + "<th>change (95% interval)</th></tr>"), dom);

        int rows = 0;
        List<String> worse = new ArrayList<>();
        Matcher row = ROW.matcher(dom);
        while (row.find()) {
            rows++;
            if ("worse".equals(row.group(2))) {
                worse.add(row.group(3) + " / " + row.group(4) + " / " + row.group(5));
            }
        }
        assertEquals(markdown.lines().filter(line -> line.startsWith("| ")).count() - 1, rows,
                "one table row per difference in compare.md:\n" + markdown);
        assertEquals(26, rows, markdown);
        // Latency 50% higher everywhere; throughput and errors unchanged.
        List<String> latencies = List.of("p50_ms (ms)", "p99_ms (ms)", "p999_ms (ms)");
        List<String> expectedWorse = new ArrayList<>();
        for (String step : List.of("hold-200", "measured")) {
            for (String request : List.of("status", "all")) {
                latencies.forEach(latency -> expectedWorse.add(step + " / " + request + " / " + latency));
            }
        }
        assertEquals(new TreeSet<>(expectedWorse), new TreeSet<>(worse), markdown);

        Path screenshots = Files.createDirectories(Path.of("target", "report-screenshots"));
        chromium.screenshot(html, screenshots.resolve("compare.png"));
        assertTrue(Files.size(screenshots.resolve("compare.png")) > 10_000);

        HtmlReportBrowserIT.assertNothingLeftBehind(temp, tmpBefore);
    }

    @Test
    void theConsoleCheckSeesAScriptError() throws Exception {
        Chromium chromium = Chromium.findOrSkip(temp);
        Path page = Files.writeString(temp.resolve("broken.html"),
                "<!DOCTYPE html><html><body><script>this is not javascript</script></body></html>");

        List<String> console = chromium.render(page).console();

        assertEquals(1, console.size(), console.toString());
        assertTrue(console.get(0).startsWith("\"Uncaught SyntaxError"), console.toString());
    }

    /** 60 s held at 200 requests/s, latencies log-normal around {@code medianMicros}, seeded (as the gate's tests). */
    private Path run(String id, long seed, double medianMicros) throws IOException {
        GoldenRun run = new GoldenRun(temp.resolve(id), List.of(new Phase("warmup", 5, 0, 200, true),
                new Phase("hold-200", 60, 200, 200, false)));
        SplittableRandom random = new SplittableRandom(seed);
        for (int second = 0; second < 65; second++) {
            run.requests(second, "status", 200, 0, () -> (long) (medianMicros * Math.exp(0.4 * random.nextGaussian())));
        }
        return run.write();
    }

    /** {@code queuebench report} on both runs, then {@code compare}, as a user runs them; returns compare.md. */
    private static String compare(Path base, Path candidate) throws IOException {
        PrintStream console = System.out;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertEquals(QueuebenchCommand.EXIT_OK, QueuebenchCommand.commandLine().execute("report", base.toString()));
            assertEquals(QueuebenchCommand.EXIT_OK,
                    QueuebenchCommand.commandLine().execute("report", candidate.toString()));
            assertEquals(QueuebenchCommand.EXIT_OK,
                    QueuebenchCommand.commandLine().execute("compare", base.toString(), candidate.toString()));
        } finally {
            System.setOut(console);
        }
        return Files.readString(candidate.resolve("compare.md"));
    }
}
