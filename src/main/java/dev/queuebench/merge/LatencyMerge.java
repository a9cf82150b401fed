package dev.queuebench.merge;

import dev.queuebench.rundir.LatencyHlog;
import dev.queuebench.rundir.LatencyHlogWriter;
import dev.queuebench.rundir.RunFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The merged run's {@code latency.hlog}: for every epoch second and request name, the exact sum of the
 * parts' histograms (HdrHistogram {@code add}: every recorded value kept, nothing re-bucketed or
 * averaged). The parts' logs are read in step, one second at a time, so memory holds one second of each
 * part, whatever the run's length. A part that ended early (a killed pod) adds nothing after its last
 * whole second.
 */
final class LatencyMerge {
    private LatencyMerge() {
    }

    /** @return the seconds written */
    static long write(List<RunFiles> parts, Path out, long startMillis, String comment) throws IOException {
        List<LatencyHlog.Reader> readers = new ArrayList<>();
        List<LatencyHlog.TaggedSecond> heads = new ArrayList<>();
        try (LatencyHlogWriter writer = new LatencyHlogWriter(out)) {
            for (RunFiles part : parts) {
                LatencyHlog.Reader reader = LatencyHlog.open(part);
                readers.add(reader);
                heads.add(reader.next());
            }
            writer.start(comment, startMillis);
            long seconds = 0;
            while (true) {
                long second = Long.MAX_VALUE;
                for (LatencyHlog.TaggedSecond head : heads) {
                    if (head != null) {
                        second = Math.min(second, head.epochSec());
                    }
                }
                if (second == Long.MAX_VALUE) {
                    return seconds;
                }
                SortedMap<String, Histogram> byName = new TreeMap<>();
                for (int i = 0; i < readers.size(); i++) {
                    LatencyHlog.TaggedSecond head = heads.get(i);
                    while (head != null && head.epochSec() == second) {
                        Histogram sum = byName.get(head.request());
                        if (sum == null) {
                            sum = new Histogram(head.histogram().getNumberOfSignificantValueDigits());
                            byName.put(head.request(), sum);
                        }
                        sum.add(head.histogram());
                        head = readers.get(i).next();
                    }
                    heads.set(i, head);
                }
                writer.appendSecond(second, byName);
                seconds++;
            }
        } finally {
            readers.forEach(LatencyHlog.Reader::close);
        }
    }
}
