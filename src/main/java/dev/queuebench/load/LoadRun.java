package dev.queuebench.load;

import dev.queuebench.profile.LoadProfile;
import dev.queuebench.profile.Phase;
import dev.queuebench.record.RequestCounts;
import dev.queuebench.record.RunRecorder;
import dev.queuebench.record.SimulationLogHeader;
import dev.queuebench.record.SimulationLogListener;
import dev.queuebench.record.SimulationLogParser;
import dev.queuebench.rundir.RunJson;
import dev.queuebench.rundir.EventsCsv;
import dev.queuebench.rundir.RunFiles;
import dev.queuebench.rundir.RunJsonFile;
import dev.queuebench.rundir.RunOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One load run: makes the run directory, runs Gatling's queue journey against the target
 * ({@link GatlingProcess}, {@link GatlingSimulation}), records {@code simulation.log} into
 * {@code latency.hlog} and {@code requests.csv} while it runs ({@link RunRecorder}), stops it when
 * {@link StopEvaluator} says so, and records how it ended in {@code run.json} ({@link RunRecord}).
 * A crash, an abort (Ctrl-C, SIGTERM: {@link #abort}) or a dead target still leave a readable
 * directory with every second Gatling logged.
 */
public final class LoadRun {
    private static final DateTimeFormatter RUN_ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final long POLL_MILLIS = 200;
    private static final int PROGRESS_EVERY_SEC = 5;

    /** How a run ended and where its files are. */
    public record Result(Path runDir, RunOutcome outcome, String reason, Map<String, RequestCounts> totals,
            long journeysStarted) {
    }

    private final RunSettings settings;
    private final RunTarget target;
    private final Consumer<String> console;
    private final BesideRun besideRun;
    private final StopEvaluator stops;
    private final LoadProfile profile;
    private final InjectionPlan plan;
    private final long startMillis;
    private DrillScheduler drills;

    public LoadRun(RunSettings settings, RunTarget target, Consumer<String> console) {
        this(settings, target, console, BesideRun.NOTHING);
    }

    /** @param besideRun started in the run directory before Gatling, closed after it (the server-metrics sampler) */
    public LoadRun(RunSettings settings, RunTarget target, Consumer<String> console, BesideRun besideRun) {
        this.settings = settings;
        this.target = target;
        this.console = console;
        this.besideRun = besideRun;
        this.profile = settings.profile().scaled(1.0 / settings.injectorCount());
        this.plan = new InjectionPlan(profile);
        this.startMillis = System.currentTimeMillis();
        long untilStartMillis = Math.max(0, settings.startAtEpochMs() - startMillis);
        long deadlineMillis = startMillis + untilStartMillis + (plan.expectedRunSec() + settings.requestTimeoutMillis() / 1000
                + StopEvaluator.OVERRUN_GRACE_SEC) * 1000L;
        this.stops = new StopEvaluator(target.recordedGatewayUrl(), deadlineMillis);
    }

    /** Drills to do during the measured phases ({@code run --drill}), put on the run's timeline. */
    public LoadRun withDrills(DrillScheduler scheduler) {
        this.drills = scheduler;
        return this;
    }

    /** Seconds from the plan's start to its first measured phase: the warm-up's length. */
    private int measuredStartSec() {
        int seconds = 0;
        for (dev.queuebench.profile.Phase phase : profile.phases()) {
            if (!phase.warmup()) {
                break;
            }
            seconds += phase.durationSec();
        }
        return seconds;
    }

    /**
     * Stops the run from another thread (Ctrl-C, SIGTERM); the outcome becomes {@code aborted} with
     * this reason. Gatling is stopped, the rest of its log recorded, and {@link #execute} returns.
     */
    public void abort(String reason) {
        stops.abort(reason);
    }

    public Result execute() throws IOException, InterruptedException {
        String runId = RUN_ID_TIME.format(Instant.ofEpochMilli(startMillis)) + "-" + settings.label();
        Path runDir = settings.resultsRoot().resolve(runId);
        if (Files.exists(runDir)) {
            throw new IllegalStateException("run directory " + runDir + " exists already; choose another --label");
        }
        Files.createDirectories(runDir);
        int cores = Runtime.getRuntime().availableProcessors();
        RunJson started = RunRecord.started(runId, startMillis, settings, plan, target, cores);
        RunJsonFile.write(runDir, started);
        EventsCsv.create(new RunFiles(runDir));
        String late = LateStart.check(settings.startAtEpochMs(), System.currentTimeMillis());
        if (late != null) {
            console.accept(late);
            RunJsonFile.write(runDir, started.ended(System.currentTimeMillis(), RunOutcome.ABORTED, late,
                    started.injector(), started.versions(), null, List.of()));
            return new Result(runDir, RunOutcome.ABORTED, late, Map.of(), 0);
        }
        if (settings.startAtEpochMs() > 0) {
            console.accept("Waiting for --start-at " + Instant.ofEpochMilli(settings.startAtEpochMs()) + " ("
                    + (settings.startAtEpochMs() - System.currentTimeMillis()) / 1000 + " s), with Gatling up");
        }

        InjectorHealth health = new InjectorHealth(plan, cores, new RunFiles(runDir).file(RunFiles.ARRIVALS_CSV));
        OutageWatch outages = new OutageWatch();
        StepLimits stepLimits = profile.stopRule() == null ? null : new StepLimits(plan, profile.stopRule());
        HeaderCapture header = new HeaderCapture(planStartMillis -> {
            if (drills != null) {
                drills.planStarted(new RunFiles(runDir), planStartMillis, measuredStartSec());
            }
        });
        RunRecorder recorder = new RunRecorder(runDir, settings.requestTimeoutMillis() + 2_000L, second -> {
            // The plan's clock starts when Gatling's run starts (from simulation.log), not when we did.
            int offsetSec = (int) Math.round(second.epochSec() - header.startMillis() / 1000.0);
            health.onSecondClosed(second, offsetSec);
            outages.onSecondClosed(second);
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
            gatling = GatlingSimulation.start(gatlingDir, plan, target, settings, runId);
        } catch (IOException | RuntimeException e) {
            closeBeside(beside);
            throw e;
        }
        GcPauses gcPauses = new GcPauses(gatlingDir.resolve("gc.log"));
        try (SimulationLogTail log = new SimulationLogTail(gatling::simulationLog, parser)) {
            watch(gatling, log, header, live, health, gcPauses, stepLimits);
        } finally {
            if (gatling.isAlive()) {
                gatling.stop(5_000);
            }
            recorder.close();
            closeBeside(beside);
            if (drills != null) {
                drills.close();
            }
        }
        gcPauses.poll();

        int exitCode = gatling.process().exitValue();
        StopEvaluator.Ending ending = stops.finish(header.value != null, exitCode,
                gatlingDir.resolve("console.log"), parser.incompleteTailBytes(),
                health.saturationReason(gcPauses.maxPauseMillis()));
        if (header.value == null) {
            ending = LateStart.unlessLate(ending, gatlingDir.resolve("console.log"));
        }
        if (header.value != null) {
            ending = stops.unlessEndedEarly(ending, StopEvaluator.earlyEnd(header.value.startMillis(),
                    plan.lastInjectionSec(), recorder.lastUserStartMillis()));
        }
        ending = outages.unlessOutage(ending, drills == null ? List.of() : drills.windows());
        ending = NodeOutages.unlessUnplanned(ending, EventsCsv.read(new RunFiles(runDir)).events());
        Files.deleteIfExists(gatlingDir.resolve(GatlingProcess.STOP_FILE));
        GatlingReportFolder.flatten(gatlingDir);
        RunJsonFile.write(runDir, RunRecord.ended(started, System.currentTimeMillis(), ending.outcome(),
                ending.reason(), header.value == null ? null : header.value.gatlingVersion(), health,
                gcPauses.maxPauseMillis(), exitCode, recorder));
        return new Result(runDir, ending.outcome(), ending.reason(), recorder.totals(),
                RunRecord.journeysStarted(recorder));
    }

    /** Until Gatling exits: records its log, checks the stop conditions, prints progress. */
    private void watch(GatlingProcess gatling, SimulationLogTail log, HeaderCapture header, LiveWindow live,
            InjectorHealth health, GcPauses gcPauses, StepLimits stepLimits) throws IOException, InterruptedException {
        ProgressClock progress = new ProgressClock(plan, PROGRESS_EVERY_SEC);
        long nextSecondMillis = System.currentTimeMillis() + 1000;
        double lastCpuSec = ProcessCpu.cpuSec(gatling.pid());
        Path planStartFile = gatling.resultsDir().resolve(GatlingProcess.PLAN_START_FILE);
        while (true) {
            header.announced(planStartFile);
            boolean alive = gatling.isAlive();
            // After Gatling exits, one more drain takes what it wrote last.
            log.drain();
            if (!alive) {
                return;
            }
            if (stopped(gatling, stops.onPoll())) {
                continue;
            }
            long nowMillis = System.currentTimeMillis();
            if (nowMillis >= nextSecondMillis) {
                nextSecondMillis += 1000;
                Phase phase = progress.phaseNow(header.startMillisOrNull(), nowMillis);
                double cpuSec = ProcessCpu.cpuSec(gatling.pid());
                health.onCpuSample(cpuSec, lastCpuSec < 0 || cpuSec < 0 ? -1 : cpuSec - lastCpuSec, 1.0,
                        phase != null && !phase.warmup());
                lastCpuSec = cpuSec;
                gcPauses.poll();
                if (stopped(gatling, stops.onInjectorOutOfFiles(live.injectorOutOfFiles(),
                        live.injectorOutOfFiles() == 0 ? null : OpenFilesLimit.of(gatling.pid())))) {
                    continue;
                }
                if (stopped(gatling, stops.onSecond(live.unreachableShare(), gcPauses.maxPauseMillis(), nowMillis,
                        stepLimits == null ? null : stepLimits.brokenReason()))) {
                    continue;
                }
                progress.line(header.startMillisOrNull(), nowMillis, live).ifPresent(console);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private boolean stopped(GatlingProcess gatling, Optional<StopEvaluator.Stop> stop) {
        if (stop.isEmpty()) {
            return false;
        }
        console.accept(stop.get().consoleLine());
        if (stop.get().graceful()) {
            gatling.stopGracefully(stop.get().graceMillis());
        } else {
            gatling.stop(stop.get().graceMillis());
        }
        return true;
    }

    private void closeBeside(AutoCloseable beside) {
        try {
            beside.close();
        } catch (Exception e) {
            // The load run's own files are complete: report the side work's failure, keep the outcome.
            console.accept("Stopping the work beside the run failed: " + e.getMessage());
        }
    }

    /** Keeps Gatling's run record: its start (the plan's clock) and its version. */
    private static final class HeaderCapture implements SimulationLogListener {
        private final java.util.function.LongConsumer onPlanStart;
        private volatile SimulationLogHeader value;
        private volatile Long announcedStartMillis;

        HeaderCapture(java.util.function.LongConsumer onPlanStart) {
            this.onPlanStart = onPlanStart;
        }

        /** The plan's start: Gatling's own record once simulation.log has it, the simulation's word before. */
        Long startMillisOrNull() {
            SimulationLogHeader header = value;
            return header != null ? Long.valueOf(header.startMillis()) : announcedStartMillis;
        }

        /** The simulation's word on its start ({@link GatlingProcess#PLAN_START_FILE}), once, if it came first. */
        void announced(Path planStartFile) {
            if (value != null || announcedStartMillis != null || !Files.isRegularFile(planStartFile)) {
                return;
            }
            try {
                long startMillis = Long.parseLong(Files.readString(planStartFile).trim());
                announcedStartMillis = startMillis;
                onPlanStart.accept(startMillis);
            } catch (IOException | NumberFormatException e) {
                // Gatling's record in simulation.log comes later and is the authority; wait for it.
            }
        }

        long startMillis() {
            return value.startMillis();
        }

        @Override
        public void onRun(SimulationLogHeader header) {
            value = header;
            if (announcedStartMillis == null) {
                onPlanStart.accept(header.startMillis());
            }
        }

        @Override
        public void onUser(boolean start, long timestampMillis) {
        }

        @Override
        public void onRequest(String name, long startMillis, long endMillis, boolean ok, String message) {
        }
    }
}
