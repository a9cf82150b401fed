package dev.queuebench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.queuebench.analysis.GoldenRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens report.html in a real headless chromium from disk, with networking off: every chart must be
 * drawn with data, nothing may fail on the console, and a screenshot is kept under
 * target/report-screenshots/ for a human to look at.
 */
class HtmlReportBrowserIT {
    private static final Pattern SELF_CHECK = Pattern.compile("<pre id=\"qb-selfcheck\">([^<]*)</pre>");

    @TempDir
    Path temp;

    @Test
    void everyChartIsDrawnWithDataAndNothingFailsOnTheConsole() throws Exception {
        Chromium chromium = Chromium.find().orElse(null);
        Assumptions.assumeTrue(chromium != null, "no chromium on PATH: sudo apt-get install chromium "
                + "(.ci/run installs it), or -Dqueuebench.chromium=/path/to/chrome");
        Path run = GoldenRuns.costs(temp.resolve("20261125T101500Z-golden"));
        RunReport.write(run);
        Path html = run.resolve("report.html");
        String page = Files.readString(html);
        assertFalse(page.contains("http://") && page.contains("<script src="), "the report must not load anything");

        String dom = chromium.dumpDom(html);
        Matcher matcher = SELF_CHECK.matcher(dom);
        assertTrue(matcher.find(), "the report's script did not run: no self-check in the DOM");
        JsonNode check = new ObjectMapper().readTree(unescape(matcher.group(1)));

        assertEquals(0, check.path("errors").size(), "console errors: " + check.path("errors"));
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
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
