package dev.queuebench.load;

import dev.queuebench.profile.Phase;
import dev.queuebench.profile.LoadProfile;
import dev.queuebench.profile.JourneyShape;
import dev.queuebench.profile.SimulationProperty;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.queuebench.record.RequestCounts;
import dev.queuebench.record.RunManifest;
import dev.queuebench.record.RunRecorder;
import dev.queuebench.record.SimulationLogHeader;
import dev.queuebench.record.SimulationLogParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One load run: makes the run directory, runs Gatling's queue journey against the target, turns its
 * {@code simulation.log} into {@code latency.hlog} and {@code requests.csv} while it runs, watches
 * the injector and the target, and records how it ended in {@code run.json}. A crash, Ctrl-C
 * ({@link #abort}) or a dead target still leave a readable directory.
 */
public final class LoadRun {
    public static final String SIMULATION_CLASS = "dev.queuebench.simulations.QueueJourneySimulation";
    private static final DateTimeFormatter RUN_ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final long POLL_MILLIS = 200;
    private static final int PROGRESS_EVERY_SEC = 5;
    private static final int DEAD_TARGET_SECONDS = 5;
    /** A Gatling still running this long after the plan's end has fallen behind and will not catch up. */
    private static final int OVERRUN_GRACE_SEC = 30;
    /** A single GC pause this long means the injector's heap is exhausted: stop rather than wait on it. */
    private static final double FATAL_GC_PAUSE_MILLIS = 3_000;

    /** How a run ended and where its files are. */
    public record Result(Path runDir, RunOutcome outcome, String reason, Map<String, RequestCounts> totals,
            long journeysStarted) {
    }

    private final RunSettings settings;
    private final RunTarget target;
    private final Consumer<String> console;
    private final BesideRun besideRun;
    private volatile String abortReason;

    public LoadRun(RunSettings settings, RunTarget target, Consumer<String> console) {
        this(settings, target, console, BesideRun.NOTHING);
    }

    /** @param besideRun started in the run directory before Gatling, closed after it (the server-metrics sampler) */
    public LoadRun(RunSettings settings, RunTarget target, Consumer<String> console, BesideRun besideRun) {
        this.settings = settings;
        this.target = target;
        this.console = console;
        this.besideRun = besideRun;
    }

    /** Stops the run from another thread (Ctrl-C); the outcome becomes {@code aborted}. */
    public void abort(String reason) {
        abortReason = reason;
    }

    public Result execute() throws IOException, InterruptedException {
        LoadProfile profile = settings.profile().scaled(1.0 / settings.injectorCount());
        InjectionPlan plan = settings.shortestJourneyRequests() > 0
                ? new InjectionPlan(profile, settings.shortestJourneyRequests()) : new InjectionPlan(profile);
        long startMillis = System.currentTimeMillis();
        String runId = RUN_ID_TIME.format(Instant.ofEpochMilli(startMillis)) + "-" + settings.label();
        Path runDir = settings.resultsRoot().resolve(runId);
        if (Files.exists(runDir)) {
            throw new IllegalStateException("run directory " + runDir + " exists already; choose another --label");
        }
        Files.createDirectories(runDir);

        RunManifest manifest = new RunManifest();
        describe(manifest.root(), runId, startMillis, plan);
        manifest.root().put("outcome", "running");
        manifest.write(runDir);

        InjectorHealth health = new InjectorHealth(plan, Runtime.getRuntime().availableProcessors());
        StepLimits stepLimits = profile.stopRule() == null ? null : new StepLimits(plan, profile.stopRule());
        HeaderCapture header = new HeaderCapture();
        RunRecorder recorder = new RunRecorder(runDir, settings.requestTimeoutMillis() + 2_000L, second -> {
            // The plan's clock starts when Gatling's run starts (from simulation.log), not when we did.
            int offsetSec = (int) Math.round(second.epochSec() - header.value.startMillis() / 1000.0);
            health.onSecondClosed(second, offsetSec);
            if (stepLimits != null) {
                stepLimits.onSecondClosed(second, offsetSec);
            }
        });
        LiveWindow live = new LiveWindow();
        SimulationLogParser parser = new SimulationLogParser("simulation.log",
                new TeeListener(header, recorder, live));

        AutoCloseable beside = besideRun.start(runDir);
        Path gatlingDir = runDir.resolve("gatling");
        GatlingProcess gatling;
        try {
            gatling = GatlingProcess.start(SIMULATION_CLASS, gatlingDir, simulationProperties(plan, runId),
                    settings.injectorHeapMb(), !settings.gatlingReport(), runId);
        } catch (IOException | RuntimeException e) {
            closeBeside(beside);
            throw e;
        }
        GcPauses gcPauses = new GcPauses(gatlingDir.resolve("gc.log"));
        RunOutcome outcome = RunOutcome.COMPLETED;
        String reason = null;
        InputStream logStream = null;
        byte[] chunk = new byte[1 << 20];
        try {
            long nextSecondMillis = System.currentTimeMillis() + 1000;
            double lastCpuSec = ProcessCpu.cpuSec(gatling.pid());
            int deadSeconds = 0;
            int tick = 0;
            long deadlineMillis = startMillis
                    + (plan.expectedRunSec() + settings.requestTimeoutMillis() / 1000 + OVERRUN_GRACE_SEC) * 1000L;
            while (true) {
                boolean alive = gatling.isAlive();
                if (logStream == null) {
                    logStream = gatling.simulationLog().map(LoadRun::open).orElse(null);
                }
                if (logStream != null) {
                    int read;
                    while ((read = logStream.read(chunk)) > 0) {
                        parser.feed(chunk, read);
                    }
                }
                if (!alive) {
                    break;
                }
                if (abortReason != null) {
                    outcome = RunOutcome.ABORTED;
                    reason = abortReason;
                    gatling.stop(10_000);
                    continue;
                }
                if (System.currentTimeMillis() >= nextSecondMillis) {
                    nextSecondMillis += 1000;
                    tick++;
                    long planStartMillis = header.value == null ? startMillis : header.value.startMillis();
                    int elapsedSec = (int) ((System.currentTimeMillis() - planStartMillis) / 1000);
                    Phase phase = plan.phaseAt(elapsedSec);
                    double cpuSec = ProcessCpu.cpuSec(gatling.pid());
                    health.onCpuSample(cpuSec - lastCpuSec, 1.0, phase != null && !phase.warmup());
                    lastCpuSec = cpuSec;
                    gcPauses.poll();
                    deadSeconds = live.unreachableShare() >= 0.95 ? deadSeconds + 1 : 0;
                    if (deadSeconds >= DEAD_TARGET_SECONDS && outcome == RunOutcome.COMPLETED) {
                        outcome = RunOutcome.TARGET_FAILED;
                        reason = "the target at " + target.gatewayUrl() + " stopped answering: "
                                + Math.round(100 * live.unreachableShare()) + "% of requests in the last seconds were "
                                + "refused or timed out";
                        console.accept(reason + "; stopping the run");
                        gatling.stop(10_000);
                        continue;
                    }
                    if (outcome == RunOutcome.COMPLETED && gcPauses.maxPauseMillis() > FATAL_GC_PAUSE_MILLIS) {
                        outcome = RunOutcome.INJECTOR_SATURATED;
                        reason = String.format(Locale.ROOT, "the injector paused %.0f ms for GC: its heap is exhausted;"
                                + " give it more (--injector-heap-mb), use more injectors (--injector-count) or a "
                                + "smaller --scale", gcPauses.maxPauseMillis());
                        console.accept(reason + "; stopping the run");
                        gatling.stop(5_000);
                        continue;
                    }
                    if (outcome == RunOutcome.COMPLETED && System.currentTimeMillis() > deadlineMillis) {
                        outcome = RunOutcome.INJECTOR_SATURATED;
                        reason = "Gatling was still running " + OVERRUN_GRACE_SEC + " s after the plan and the last "
                                + "requests' timeout ended: the injector fell behind. Use shared connections, more "
                                + "injectors (--injector-count), or a smaller --scale";
                        console.accept(reason + "; stopping the run");
                        gatling.stop(5_000);
                        continue;
                    }
                    if (stepLimits != null && stepLimits.brokenReason() != null && reason == null) {
                        reason = stepLimits.brokenReason();
                        console.accept(reason + "; stopping the climb");
                        gatling.stop(10_000);
                        continue;
                    }
                    if (tick % PROGRESS_EVERY_SEC == 0) {
                        console.accept(progressLine(plan, elapsedSec, live));
                    }
                }
                Thread.sleep(POLL_MILLIS);
            }
        } finally {
            if (gatling.isAlive()) {
                gatling.stop(5_000);
            }
            if (logStream != null) {
                logStream.close();
            }
            recorder.close();
            closeBeside(beside);
        }
        gcPauses.poll();

        int exitCode = gatling.process().exitValue();
        if (header.value == null && outcome == RunOutcome.COMPLETED) {
            outcome = RunOutcome.TARGET_FAILED;
            reason = "Gatling exited with code " + exitCode + " before writing any result; see "
                    + gatlingDir.resolve("console.log");
        }
        if (parser.incompleteTailBytes() > 0 && reason == null) {
            reason = "simulation.log ends in an incomplete record (" + parser.incompleteTailBytes() + " bytes)";
        }
        String saturation = health.saturationReason(gcPauses.maxPauseMillis());
        if (outcome == RunOutcome.COMPLETED && saturation != null && reason == null) {
            outcome = RunOutcome.INJECTOR_SATURATED;
            reason = saturation + ". Use shared connections, more injectors (--injector-count), or a smaller --scale.";
        }
        flattenGatlingReport(gatlingDir);

        ObjectNode root = manifest.root();
        root.put("end_ms", System.currentTimeMillis());
        root.put("outcome", outcome.label());
        root.put("reason", reason == null ? "" : reason);
        ObjectNode versions = (ObjectNode) root.get("versions");
        versions.put("gatling", header.value == null ? "unknown" : header.value.gatlingVersion());
        ObjectNode injector = (ObjectNode) root.get("injector");
        injector.put("max_cpu_share", round(health.maxCpuShare()));
        injector.put("max_gc_pause_ms", round(gcPauses.maxPauseMillis()));
        injector.put("gatling_exit_code", exitCode);
        writeTotals(root, recorder, profile);
        ArrayNode delivery = root.putArray("delivery");
        for (InjectorHealth.PhaseDelivery phase : health.deliveries()) {
            ObjectNode node = delivery.addObject();
            node.put("phase", phase.phase());
            node.put("intended_requests", round(phase.intendedRequests()));
            node.put("sent_requests", phase.sentRequests());
            node.put("planned_candidates", round(phase.plannedCandidates()));
            node.put("injected_candidates", phase.injectedCandidates());
        }
        manifest.write(runDir);
        return new Result(runDir, outcome, reason, recorder.totals(), journeys(recorder));
    }

    private void closeBeside(AutoCloseable beside) {
        try {
            beside.close();
        } catch (Exception e) {
            // The load run's own files are complete: report the side work's failure, keep the outcome.
            console.accept("Stopping the work beside the run failed: " + e.getMessage());
        }
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private Map<String, String> simulationProperties(InjectionPlan plan, String runId) {
        JourneyShape journey = plan.profile().journey();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(SimulationProperty.BASE_URL, target.gatewayUrl());
        properties.put(SimulationProperty.INJECTION, plan.gatlingInjection());
        properties.put(SimulationProperty.REQUEST_RATE, plan.gatlingRequestRate());
        properties.put(SimulationProperty.EVENTS, Integer.toString(journey.events()));
        properties.put(SimulationProperty.POLLS_PER_USER, Integer.toString(journey.pollsPerUser()));
        properties.put(SimulationProperty.POLL_INTERVAL_MILLIS, Integer.toString(journey.pollIntervalMillis()));
        properties.put(SimulationProperty.POLL_JITTER_MILLIS, Integer.toString(journey.pollIntervalMillis() / 4));
        properties.put(SimulationProperty.LEAVE_FRACTION, Double.toString(journey.leaveFraction()));
        properties.put(SimulationProperty.ABANDON_FRACTION, Double.toString(journey.abandonFraction()));
        properties.put(SimulationProperty.SHARED_CONNECTIONS, Boolean.toString(settings.sharedConnections()));
        properties.put(SimulationProperty.REQUEST_TIMEOUT_MILLIS, Integer.toString(settings.requestTimeoutMillis()));
        properties.put(SimulationProperty.USER_PREFIX, runId + "-i" + settings.injectorIndex());
        properties.put(SimulationProperty.TRACE_ARRIVALS, System.getProperty(SimulationProperty.TRACE_ARRIVALS, "false"));
        properties.put(SimulationProperty.POISSON_ARRIVALS, Boolean.toString(plan.profile().poissonArrivals()));
        return properties;
    }

    private void describe(ObjectNode root, String runId, long startMillis, InjectionPlan plan) {
        LoadProfile profile = plan.profile();
        root.put("id", runId);
        root.put("label", settings.label());
        root.put("start_ms", startMillis);
        ObjectNode profileNode = root.putObject("profile");
        profileNode.put("name", profile.name());
        profileNode.put("description", profile.description());
        profileNode.put("scale", settings.scale());
        profileNode.put("rates_are", "total requests per second across endpoints, for this injector");
        profileNode.put("arrivals_are", "controlled: Gatling injects candidate users at the injection ceiling and "
                + "the simulation starts as many journeys as hold the request rate on plan, from the requests per "
                + "journey it measures on the run (the model below covers journey ages not yet observed)");
        ArrayNode phases = profileNode.putArray("phases");
        for (Phase phase : profile.phases()) {
            ObjectNode node = phases.addObject();
            node.put("name", phase.name());
            node.put("duration_sec", phase.durationSec());
            node.put("from_rps", round(phase.fromRps()));
            node.put("to_rps", round(phase.toRps()));
            node.put("warmup", phase.warmup());
        }
        JourneyShape journey = profile.journey();
        ObjectNode journeyNode = profileNode.putObject("journey");
        journeyNode.put("polls_per_user", journey.pollsPerUser());
        journeyNode.put("poll_interval_ms", journey.pollIntervalMillis());
        journeyNode.put("leave_fraction", journey.leaveFraction());
        journeyNode.put("abandon_fraction", journey.abandonFraction());
        journeyNode.put("events", journey.events());
        journeyNode.put("requests_per_user_modelled", round(journey.requestsPerUser()));
        journeyNode.put("requests_per_user_fewest", round(journey.fewestRequestsPerUser()));
        profileNode.put("ceiling_requests_per_user", round(settings.shortestJourneyRequests() > 0
                ? settings.shortestJourneyRequests() : journey.fewestRequestsPerUser()));
        ArrayNode injection = profileNode.putArray("injection_ceiling");
        for (InjectionPlan.Step step : plan.steps()) {
            ObjectNode node = injection.addObject();
            node.put("phase", step.phase());
            node.put("duration_sec", step.candidatesPerSec().durationSec());
            node.put("from_users_per_sec", round(step.candidatesPerSec().fromPerSec()));
            node.put("to_users_per_sec", round(step.candidatesPerSec().toPerSec()));
        }
        profileNode.put("arrivals", profile.poissonArrivals() ? "poisson" : "even");
        profileNode.put("shared_connections", settings.sharedConnections());
        profileNode.put("request_timeout_ms", settings.requestTimeoutMillis());
        if (profile.stopRule() != null) {
            profileNode.put("stop_p99_ms", profile.stopRule().p99LimitMillis());
            profileNode.put("stop_error_percent", profile.stopRule().errorLimitPercent());
        }
        ObjectNode targetNode = root.putObject("target");
        targetNode.put("gateway_url", target.gatewayUrl());
        targetNode.put("embedded", target.embedded());
        targetNode.put("redis", target.redis());
        targetNode.put("reader", target.reader());
        targetNode.put("redis_server", target.redisServer());
        root.put("node_type", settings.nodeType());
        ObjectNode injector = root.putObject("injector");
        injector.put("index", settings.injectorIndex());
        injector.put("count", settings.injectorCount());
        injector.put("heap_mb", settings.injectorHeapMb());
        injector.put("cores", Runtime.getRuntime().availableProcessors());
        ObjectNode versions = root.putObject("versions");
        versions.put("harness", HarnessVersion.version());
        versions.put("harness_git_sha", HarnessVersion.gitSha());
        versions.put("redis_server", target.redisServer());
        versions.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    private static void writeTotals(ObjectNode root, RunRecorder recorder, LoadProfile profile) {
        ObjectNode totals = root.putObject("totals");
        totals.put("users_injected", recorder.usersStarted());
        totals.put("journeys_started", journeys(recorder));
        ObjectNode requests = totals.putObject("requests");
        long all = 0;
        for (Map.Entry<String, RequestCounts> entry : recorder.totals().entrySet()) {
            ObjectNode node = requests.putObject(entry.getKey());
            node.put("ok", entry.getValue().ok());
            node.put("ko", entry.getValue().ko());
            ObjectNode causes = node.putObject("ko_by_cause");
            entry.getValue().koByCause().forEach(causes::put);
            all += entry.getValue().total();
        }
        long journeys = journeys(recorder);
        totals.put("requests_per_user_measured", journeys == 0 ? 0 : round((double) all / journeys));
        totals.put("requests_per_user_modelled", round(profile.journey().requestsPerUser()));
    }

    /** Journeys started: every journey begins with one join, whatever its answer. */
    private static long journeys(RunRecorder recorder) {
        RequestCounts joins = recorder.totals().get("join");
        return joins == null ? 0 : joins.total();
    }

    /** Gatling writes {@code gatling/<runId>/…}; the run directory contract wants {@code gatling/…}. */
    private static void flattenGatlingReport(Path gatlingDir) throws IOException {
        try (var runs = Files.list(gatlingDir)) {
            for (Path run : runs.filter(Files::isDirectory).toList()) {
                try (var files = Files.list(run)) {
                    for (Path file : files.toList()) {
                        Files.move(file, gatlingDir.resolve(file.getFileName()));
                    }
                }
                Files.delete(run);
            }
        }
    }

    private String progressLine(InjectionPlan plan, int elapsedSec, LiveWindow live) {
        Phase phase = plan.phaseAt(elapsedSec);
        return String.format(Locale.ROOT, "[%4ds/%4ds] %-12s intended %8.0f req/s  achieved %8.0f req/s  p99 %7.1f ms"
                        + "  KO %d", elapsedSec, plan.expectedRunSec(), phase == null ? "draining" : phase.name(),
                plan.intendedRps(elapsedSec), live.responsesPerSec(), live.p99Millis(), live.totalKo());
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** Keeps the run record for the Gatling version. */
    private static final class HeaderCapture implements dev.queuebench.record.SimulationLogListener {
        private SimulationLogHeader value;

        @Override
        public void onRun(SimulationLogHeader header) {
            value = header;
        }

        @Override
        public void onUser(boolean start, long timestampMillis) {
        }

        @Override
        public void onRequest(String name, long startMillis, long endMillis, boolean ok, String message) {
        }
    }
}
