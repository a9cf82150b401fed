package dev.queuebench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.queuebench.analysis.GoldenRuns;
import dev.queuebench.rundir.EventsCsv;
import dev.queuebench.rundir.JourneyAnswer;
import dev.queuebench.rundir.JourneyEnd;
import dev.queuebench.rundir.JourneyLogHeader;
import dev.queuebench.rundir.JourneyLogWriter;
import dev.queuebench.rundir.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens report.html in a real headless chromium from disk, with networking off: every chart must be
 * drawn with data, nothing may fail on the console, and a screenshot is kept under
 * target/report-screenshots/ for a human to look at. Chromium's files stay in the test's own directory.
 */
class HtmlReportBrowserIT {
    private static final Pattern SELF_CHECK = Pattern.compile("<pre id=\"qb-selfcheck\">([^<]*)</pre>");

    @TempDir
    Path temp;

    @Test
    void everyChartIsDrawnWithDataAndNothingFailsOnTheConsole() throws Exception {
        Chromium chromium = Chromium.findOrSkip(temp);
        Set<String> tmpBefore = Chromium.leftoversInTmp();
        Path run = GoldenRuns.costs(temp.resolve("20261125T101500Z-golden"));
        writeJourneysWithLosses(run);
        String firstRow = Files.readAllLines(run.resolve(RunFiles.REQUESTS_CSV)).get(1);
        long startSec = Long.parseLong(firstRow.substring(0, firstRow.indexOf(',')));
        EventsCsv.append(new RunFiles(run), new EventsCsv.Event((startSec + 12) * 1000, "person", "mark",
                "modify started, r7g.large"));
        RunReport.write(run);
        Path html = run.resolve("report.html");
        String page = Files.readString(html);
        assertFalse(page.contains("http://") && page.contains("<script src="), "the report must not load anything");

        Chromium.Rendered rendered = chromium.render(html);
        String dom = rendered.dom();
        Matcher matcher = SELF_CHECK.matcher(dom);
        assertTrue(matcher.find(), "the report's script did not run: no self-check in the DOM");
        JsonNode check = new ObjectMapper().readTree(unescape(matcher.group(1)));

        assertEquals(0, check.path("errors").size(), "console errors: " + check.path("errors"));
        assertEquals(List.of(), rendered.console());
        List<String> drawn = new ArrayList<>();
        for (JsonNode chart : check.path("charts")) {
            assertTrue(chart.path("points").asInt() > 0, "chart without data: " + chart);
            drawn.add(chart.path("id").asText());
        }
        assertEquals(List.of("load", "latency", "lost", "cpu", "memory", "connections", "network", "commands",
                "replication"), drawn);
        assertTrue(dom.contains("Queue integrity") && dom.contains("3 users lost their place"), "integrity table");
        assertEquals(1, check.path("events").asInt(), "the mark is drawn on the charts: " + check);
        assertTrue(dom.contains("<td>modify started, r7g.large</td>"), "the timeline table lists the mark");
        assertEquals(0, check.path("absent").size());
        assertTrue(dom.contains("class=\"uplot"), "uPlot drew no chart element");

        Path screenshots = Files.createDirectories(Path.of("target", "report-screenshots"));
        chromium.screenshot(html, screenshots.resolve("golden-costs.png"));
        assertTrue(Files.size(screenshots.resolve("golden-costs.png")) > 10_000);

        assertNothingLeftBehind(temp, tmpBefore);
    }

    /** Three users refused mid-run while still polling: the "Users lost" chart has something to draw. */
    private static void writeJourneysWithLosses(Path run) throws IOException {
        String firstRow = Files.readAllLines(run.resolve(RunFiles.REQUESTS_CSV)).get(1);
        long startMs = Long.parseLong(firstRow.substring(0, firstRow.indexOf(','))) * 1000;
        try (JourneyLogWriter journeys = JourneyLogWriter.create(run.resolve(RunFiles.JOURNEYS),
                new JourneyLogHeader(startMs, 300, 0, "golden"))) {
            for (int user = 0; user < 5; user++) {
                journeys.join(user, 0, startMs + user * 100L, 3, JourneyAnswer.OK, user + 1, UUID.randomUUID().toString());
                journeys.status(user, startMs + 2_000 + user * 100L, 2, JourneyAnswer.OK, user + 1, 4, false);
                if (user < 3) {
                    journeys.status(user, startMs + 10_000, 2, JourneyAnswer.TOKEN_EXPIRED, 0, -1, false);
                    journeys.end(user, startMs + 10_005, JourneyEnd.LOST);
                }
            }
        }
    }

    /** Chromium's files went to the test's own directory and were deleted; none appeared in /tmp. */
    static void assertNothingLeftBehind(Path workDirectory, Set<String> tmpBefore) throws IOException {
        try (Stream<Path> entries = Files.list(workDirectory)) {
            assertEquals(List.of(), entries.map(Path::getFileName).map(Path::toString)
                    .filter(name -> name.startsWith("chromium")).toList(), "chromium's launch directories");
        }
        Set<String> tmpAfter = new TreeSet<>(Chromium.leftoversInTmp());
        tmpAfter.removeAll(tmpBefore);
        assertEquals(Set.of(), tmpAfter, "left in " + System.getProperty("java.io.tmpdir"));
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
