package dev.queuebench.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;

/**
 * Where a run's results go: {@code <dir>/<UTC start, e.g. 20261125T101500Z>-<preset>.json}, JMH's own JSON
 * ({@code -rf json}, readable by the usual JMH visualizers) of every group of the run, and the Markdown
 * summary ({@link JmhReport}) beside it with the same name and {@code .md}.
 */
public record JmhResultFiles(Path json, Path markdown) {
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    public static JmhResultFiles in(Path directory, Instant start, String presetLabel) {
        String name = RUN_ID.format(start) + "-" + presetLabel;
        return new JmhResultFiles(directory.resolve(name + ".json"), directory.resolve(name + ".md"));
    }

    public void write(Collection<RunResult> results, String markdownText) throws IOException {
        Files.createDirectories(json.toAbsolutePath().getParent());
        try (PrintStream out = new PrintStream(Files.newOutputStream(json), false, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(results);
        }
        Files.writeString(markdown, markdownText, StandardCharsets.UTF_8);
    }
}
