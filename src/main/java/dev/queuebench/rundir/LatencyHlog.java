package dev.queuebench.rundir;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * The reader of {@code latency.hlog} (format: {@link LatencyHlogWriter}): the tagged intervals, one
 * per second and request name, in file order; the untagged sums are skipped; a half-written last
 * interval (a run killed mid-write) is left out. Only one interval is in memory at a time, so a 30-minute run at
 * 30k requests/s reads in constant memory.
 */
public final class LatencyHlog {
    /** One second of one request name. */
    public record TaggedSecond(long epochSec, String request, Histogram histogram) {
    }

    private LatencyHlog() {
    }

    /** The log's {@code StartTime} in epoch seconds (Gatling's start), or NaN when it has none. */
    public static double startTimeSec(RunFiles run) {
        Path file = run.file(RunFiles.LATENCY_LOG);
        if (!Files.isRegularFile(file)) {
            return Double.NaN;
        }
        try (var lines = Files.lines(file)) {
            return lines.limit(20).filter(line -> line.startsWith("#[StartTime: ")).findFirst()
                    .map(line -> Double.parseDouble(line.substring(13).split(" ")[0])).orElse(Double.NaN);
        } catch (java.io.IOException | NumberFormatException e) {
            throw new RunDataException("cannot read the StartTime of " + file + ": " + e.getMessage(), e);
        }
    }

    public static void forEachSecond(RunFiles run, Consumer<TaggedSecond> consumer) {
        try (Reader reader = open(run)) {
            TaggedSecond second;
            while ((second = reader.next()) != null) {
                consumer.accept(second);
            }
        }
    }

    /** The log's tagged seconds one at a time, in file order (time order): for merging several logs in step. */
    public static Reader open(RunFiles run) {
        return new Reader(run.file(RunFiles.LATENCY_LOG));
    }

    /** Reads one log's tagged seconds; a missing file has none. */
    public static final class Reader implements AutoCloseable {
        private final Path file;
        private final HistogramLogReader reader;

        private Reader(Path file) {
            this.file = file;
            if (!Files.isRegularFile(file)) {
                reader = null;
                return;
            }
            try {
                reader = new HistogramLogReader(file.toFile());
            } catch (FileNotFoundException e) {
                throw new RunDataException("cannot open " + file + ": " + e.getMessage(), e);
            }
        }

        /** The next tagged second, or null at the end (or at a half-written last line). */
        public TaggedSecond next() {
            if (reader == null) {
                return null;
            }
            EncodableHistogram interval;
            while ((interval = nextInterval(file, reader)) != null) {
                if (!(interval instanceof Histogram histogram)) {
                    throw new RunDataException(file + ": interval at " + interval.getStartTimeStamp()
                            + " ms holds a " + interval.getClass().getSimpleName() + ", expected integer microseconds");
                }
                if (histogram.getTag() == null) {
                    // The untagged interval is the sum of the second's tagged ones, for HdrHistogram's own tools.
                    continue;
                }
                long epochSec = Math.floorDiv(histogram.getStartTimeStamp(), 1000);
                return new TaggedSecond(epochSec, histogram.getTag(), histogram);
            }
            return null;
        }

        @Override
        public void close() {
            if (reader != null) {
                reader.close();
            }
        }
    }

    private static EncodableHistogram nextInterval(Path file, HistogramLogReader reader) {
        try {
            return reader.nextIntervalHistogram();
        } catch (RuntimeException truncated) {
            // A run killed mid-write can leave half an interval line at the end; what came before stands.
            return null;
        }
    }
}
