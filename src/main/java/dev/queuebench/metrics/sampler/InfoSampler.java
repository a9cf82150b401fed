package dev.queuebench.metrics.sampler;

import dev.queuebench.rundir.MetricRow;
import dev.queuebench.metrics.NodeRole;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import dev.queuebench.rundir.EventsCsv;
import dev.queuebench.rundir.RunFiles;
import dev.queuebench.rundir.ServerCsvWriter;

/**
 * Samples INFO from the primary (and the reader, when given) once per interval, on a thread and
 * connections of its own, appending {@code server.csv} and keeping {@code server-info.json} current in
 * a directory. Samples are taken on whole-second boundaries, so each UTC second has at most one;
 * a tick that overruns the next boundary skips it (a gap, not a double). {@link #start} takes a first
 * sample before returning, so rates exist from the first second of whatever follows.
 */
public final class InfoSampler implements AutoCloseable {
    private static final long JOIN_TIMEOUT_MILLIS = 5_000;

    private final Path dir;
    private final SamplerSettings settings;
    private final Consumer<String> console;
    private final ServerCsvWriter csv;
    private final ServerInfoFile infoFile;
    private final List<NodePoller> pollers = new ArrayList<>();
    private final Map<NodeRole, NodeMetricsDeriver> derivers = new EnumMap<>(NodeRole.class);
    private final Map<NodeRole, SamplerCost> costs = new EnumMap<>(NodeRole.class);
    private final EvictionWarning evictions;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;
    private volatile IOException writeFailure;
    private volatile long readingsTaken;
    private boolean closed;

    private InfoSampler(Path dir, SamplerSettings settings, Consumer<String> console) throws IOException {
        this.dir = dir;
        this.settings = settings;
        this.console = console;
        Map<NodeRole, String> endpoints = new LinkedHashMap<>();
        endpoints.put(NodeRole.PRIMARY, settings.primary().redacted());
        addNode(NodeRole.PRIMARY, settings);
        if (settings.reader() != null) {
            endpoints.put(NodeRole.READER, settings.reader().redacted());
            addNode(NodeRole.READER, settings);
        }
        this.infoFile = new ServerInfoFile(dir, settings.intervalMillis(), endpoints, settings.nodeMemoryBytes());
        this.csv = new ServerCsvWriter(dir);
        this.evictions = new EvictionWarning(console);
        this.thread = new Thread(this::loop, "info-sampler");
        thread.setDaemon(true);
    }

    /** Takes a first sample, then samples on its own thread until {@link #close()}. */
    public static InfoSampler start(Path dir, SamplerSettings settings, Consumer<String> console) throws IOException {
        InfoSampler sampler = new InfoSampler(dir, settings, console);
        sampler.sample(System.currentTimeMillis() / 1000);
        sampler.thread.start();
        return sampler;
    }

    private void addNode(NodeRole role, SamplerSettings settings) {
        var endpoint = role == NodeRole.PRIMARY ? settings.primary() : settings.reader();
        pollers.add(new NodePoller(role, endpoint, settings.tls(), settings.timeoutMillis(), console, this::onTimeline));
        derivers.put(role, new NodeMetricsDeriver(role, settings.nodeMemoryBytes()));
        costs.put(role, new SamplerCost());
    }

    /** What changed at a node, onto the run's timeline; a failure to write it is said and loses no sample. */
    private void onTimeline(EventsCsv.Event event) {
        try {
            EventsCsv.append(new RunFiles(dir), event);
        } catch (IOException | RuntimeException e) {
            console.accept("Sampler: could not add to events.csv (" + e.getMessage() + ")");
        }
    }

    private void loop() {
        long intervalMillis = settings.intervalMillis();
        try {
            while (true) {
                long now = System.currentTimeMillis();
                long nextTickMillis = (now / intervalMillis + 1) * intervalMillis;
                if (stop.await(nextTickMillis - now, TimeUnit.MILLISECONDS)) {
                    return;
                }
                sample(nextTickMillis / 1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            writeFailure = e;
            console.accept("Sampler stopped: cannot write server.csv: " + e.getMessage());
        }
    }

    private void sample(long epochSec) throws IOException {
        List<MetricRow> rows = new ArrayList<>();
        NodeMetricsDeriver.PrimaryOffset primaryOffset = NodeMetricsDeriver.PrimaryOffset.UNKNOWN;
        for (NodePoller poller : pollers) {
            Optional<InfoReading> reading = poller.poll(epochSec);
            if (reading.isEmpty()) {
                continue;
            }
            NodeMetricsDeriver deriver = derivers.get(poller.role());
            rows.addAll(deriver.next(reading.get(), primaryOffset));
            costs.get(poller.role()).add(reading.get());
            readingsTaken++;
            infoFile.update(poller.role(), reading.get().info());
            if (poller.role() == NodeRole.PRIMARY) {
                OptionalLong offset = reading.get().info().longValue("master_repl_offset");
                primaryOffset = new NodeMetricsDeriver.PrimaryOffset(offset, deriver.offsetBytesPerSec());
            }
        }
        csv.append(rows);
        evictions.check(rows);
    }

    /** INFO replies read so far, over all nodes: 0 when no node ever answered. */
    public long readingsTaken() {
        return readingsTaken;
    }

    /** Stops sampling, records the sampler's own cost in server-info.json and closes the files. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        stop.countDown();
        try {
            thread.join(JOIN_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pollers.forEach(NodePoller::close);
        Map<NodeRole, Double> cost = new EnumMap<>(NodeRole.class);
        costs.forEach((role, measured) -> measured.infoCpuMicrosPerSec().ifPresent(micros -> cost.put(role, micros)));
        infoFile.recordCost(cost);
        csv.close();
        cost.forEach((role, micros) -> console.accept(String.format(java.util.Locale.ROOT,
                "Sampler cost on the %s: %.1f µs of Redis CPU per second in INFO (%.3f%% of one core)",
                role.column(), micros, micros / 10_000)));
        if (writeFailure != null) {
            throw writeFailure;
        }
    }
}
