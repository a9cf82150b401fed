package dev.queuebench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.queuebench.analysis.GoldenRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
        assertEquals(List.of("load", "latency", "cpu", "memory", "connections", "network", "commands", "replication"),
                drawn);
        assertEquals(0, check.path("absent").size());
        assertTrue(dom.contains("class=\"uplot"), "uPlot drew no chart element");

        Path screenshots = Files.createDirectories(Path.of("target", "report-screenshots"));
        chromium.screenshot(html, screenshots.resolve("golden-costs.png"));
        assertTrue(Files.size(screenshots.resolve("golden-costs.png")) > 10_000);

        assertNothingLeftBehind(temp, tmpBefore);
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
