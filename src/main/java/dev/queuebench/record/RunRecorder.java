package dev.queuebench.record;

import dev.queuebench.rundir.LatencyHlogWriter;
import dev.queuebench.rundir.RequestSecond;
import dev.queuebench.rundir.RequestsCsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * Turns request records into the run directory's per-second files, appending each second as soon as
 * no more requests can arrive for it, so a run that dies half-way leaves readable files.
 *
 * <p>Requests are bucketed by the second they were <em>sent</em> (their start), so each second's
 * latency belongs to the load offered in that second. A second is written once a response has been
 * seen that ended {@code closeHorizonMillis} after it (the request timeout plus a margin): no
 * request sent in it can still be outstanding.
 *
 * <p>The files' formats and writers are the run directory's: {@code latency.hlog}
 * ({@link LatencyHlogWriter}) and {@code requests.csv} ({@link RequestsCsvWriter}; KO causes from
 * {@link KoCause}). Only seconds in which a request of a name was sent have its interval and row.
 */
public final class RunRecorder implements SimulationLogListener, AutoCloseable {
    /**
     * What one closed second held, for live checks such as injector saturation and stop rules.
     *
     * @param latencyMicros every request sent in the second, all names merged
     */
    public record ClosedSecond(long epochSec, long requestsSent, long koCount, long usersStarted,
            Histogram latencyMicros) {
    }

    private final long closeHorizonMillis;
    private final LatencyHlogWriter latencyLog;
    private final RequestsCsvWriter requestsCsv;
    private final Consumer<ClosedSecond> onSecondClosed;
    private final TreeMap<Long, SecondBucket> openSeconds = new TreeMap<>();
    private final Map<String, RequestCounts> totals = new TreeMap<>();
    private final TreeMap<Long, Long> usersStartedPerSec = new TreeMap<>();
    private long maxEndMillis = Long.MIN_VALUE;
    private long usersStarted;
    private long lastUserStartMillis = Long.MIN_VALUE;
    private boolean headerWritten;
    private boolean closed;

    public RunRecorder(Path runDir, long closeHorizonMillis, Consumer<ClosedSecond> onSecondClosed) {
        this.closeHorizonMillis = closeHorizonMillis;
        this.onSecondClosed = onSecondClosed;
        try {
            Files.createDirectories(runDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + runDir + ": " + e.getMessage(), e);
        }
        latencyLog = new LatencyHlogWriter(runDir);
        requestsCsv = new RequestsCsvWriter(runDir);
    }

    @Override
    public void onRun(SimulationLogHeader header) {
        latencyLog.start("queuebench latency log: per-second response times in microseconds, tag = request name, "
                + "untagged = every request of the second; simulation " + header.simulationClassName() + ", Gatling "
                + header.gatlingVersion(), header.startMillis());
        headerWritten = true;
    }

    @Override
    public void onUser(boolean start, long timestampMillis) {
        if (start) {
            usersStarted++;
            lastUserStartMillis = Math.max(lastUserStartMillis, timestampMillis);
            usersStartedPerSec.merge(Math.floorDiv(timestampMillis, 1000), 1L, Long::sum);
        }
    }

    @Override
    public void onRequest(String name, long startMillis, long endMillis, boolean ok, String message) {
        long second = Math.floorDiv(startMillis, 1000);
        openSeconds.computeIfAbsent(second, SecondBucket::new).record(name, endMillis - startMillis, ok, message);
        RequestCounts total = totals.computeIfAbsent(name, n -> new RequestCounts());
        if (ok) {
            total.recordOk();
        } else {
            total.recordKo(KoCause.of(message));
        }
        if (endMillis > maxEndMillis) {
            maxEndMillis = endMillis;
            closeSecondsBefore(maxEndMillis - closeHorizonMillis);
        }
    }

    /** Totals per request name so far, for reconciliation with Gatling's own counts. */
    public Map<String, RequestCounts> totals() {
        return totals;
    }

    public long usersStarted() {
        return usersStarted;
    }

    /** When the last user started (epoch ms), or {@link Long#MIN_VALUE} before the first. */
    public long lastUserStartMillis() {
        return lastUserStartMillis;
    }

    /** Writes every second still open and closes the files. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeSecondsBefore(Long.MAX_VALUE);
        try {
            requestsCsv.close();
            latencyLog.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the latency files: " + e.getMessage(), e);
        }
    }

    private void closeSecondsBefore(long millis) {
        Iterator<Map.Entry<Long, SecondBucket>> open = openSeconds.entrySet().iterator();
        boolean wrote = false;
        while (open.hasNext()) {
            Map.Entry<Long, SecondBucket> entry = open.next();
            if (millis != Long.MAX_VALUE && (entry.getKey() + 1) * 1000 > millis) {
                break;
            }
            write(entry.getValue());
            open.remove();
            wrote = true;
        }
        if (wrote) {
            requestsCsv.flush();
            latencyLog.flush();
        }
    }

    private void write(SecondBucket bucket) {
        if (!headerWritten) {
            throw new IllegalStateException("request records before the run record");
        }
        long sent = 0;
        long ko = 0;
        TreeMap<String, Histogram> byName = new TreeMap<>(bucket.histograms);
        Histogram all = latencyLog.appendSecond(bucket.epochSec, byName);
        for (String name : byName.keySet()) {
            RequestCounts counts = bucket.counts.get(name);
            sent += counts.total();
            ko += counts.ko();
            requestsCsv.append(new RequestSecond(bucket.epochSec, name, counts.ok(), counts.ko(), counts.koByCause()));
        }
        if (onSecondClosed != null) {
            onSecondClosed.accept(new ClosedSecond(bucket.epochSec, sent, ko,
                    usersStartedPerSec.getOrDefault(bucket.epochSec, 0L), all));
        }
    }

    /** The histograms and counts of one second, per request name. */
    private static final class SecondBucket {
        final long epochSec;
        final Map<String, Histogram> histograms = new HashMap<>(8);
        final Map<String, RequestCounts> counts = new HashMap<>(8);

        SecondBucket(long epochSec) {
            this.epochSec = epochSec;
        }

        void record(String name, long responseTimeMillis, boolean ok, String message) {
            // Auto-resizing: a histogram costs memory only for the range of values it has seen.
            histograms.computeIfAbsent(name, n -> new Histogram(3)).recordValue(Math.max(0, responseTimeMillis) * 1000);
            RequestCounts requestCounts = counts.computeIfAbsent(name, n -> new RequestCounts());
            if (ok) {
                requestCounts.recordOk();
            } else {
                requestCounts.recordKo(KoCause.of(message));
            }
        }
    }
}
