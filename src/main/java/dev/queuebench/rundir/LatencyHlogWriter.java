package dev.queuebench.rundir;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The one writer of {@code latency.hlog} (read by {@link LatencyHlog}).
 *
 * <p>Format: an HdrHistogram interval log (HistogramLogWriter's), a {@code #[StartTime]} and
 * {@code #[BaseTime]} of the run's start, then per second: one interval per request name sent in
 * it, tagged with the name ({@code Tag=status,…}), and one untagged interval holding every request
 * of that second, so HdrHistogram's own {@code HistogramLogProcessor} gives whole-run percentiles
 * without {@code -tag} and a request name's with it. Values are microseconds (Gatling measures
 * whole milliseconds, so they are multiples of 1,000); every interval starts on a whole epoch second
 * and lasts 1 s. Seconds are appended and flushed as they close.
 */
public final class LatencyHlogWriter implements Closeable {
    private final Path file;
    private final OutputStream stream;
    private final HistogramLogWriter log;

    public LatencyHlogWriter(Path runDir) {
        file = runDir.resolve(RunFiles.LATENCY_LOG);
        try {
            stream = Files.newOutputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
        }
        log = new HistogramLogWriter(new PrintStream(stream, false, StandardCharsets.UTF_8));
    }

    /** The header: a comment naming what made the log, the format version, and the run's start. */
    public void start(String comment, long startMillis) {
        log.outputComment(comment);
        log.outputLogFormatVersion();
        log.outputStartTime(startMillis);
        log.setBaseTime(startMillis);
        log.outputBaseTime(startMillis);
        log.outputLegend();
    }

    /**
     * Appends one second: each request name's histogram under its tag, then their sum untagged.
     *
     * @param byName request name → histogram of the requests of that name sent in the second
     * @return the sum, every name together
     */
    public Histogram appendSecond(long epochSec, SortedMap<String, Histogram> byName) {
        Histogram all = new Histogram(3);
        byName.forEach((name, histogram) -> {
            write(histogram, name, epochSec);
            all.add(histogram);
        });
        write(all, null, epochSec);
        return all;
    }

    private void write(Histogram histogram, String tag, long epochSec) {
        histogram.setTag(tag);
        histogram.setStartTimeStamp(epochSec * 1000);
        histogram.setEndTimeStamp(epochSec * 1000 + 1000);
        log.outputIntervalHistogram(histogram);
    }

    public void flush() {
        try {
            stream.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
