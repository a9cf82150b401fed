package dev.queuebench.load;

import dev.queuebench.rundir.RunOutcome;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides when a run stops early and how every run ended: the one place that turns the watched
 * conditions into an outcome and its reason. During the run, the first condition met wins and Gatling
 * is stopped once: an abort (Ctrl-C, SIGTERM), an injector out of file descriptors, a dead target, a GC
 * pause that means the injector's heap is exhausted, a Gatling still running long after its plan, a stairs step that broke its limit
 * (the climb stops, the outcome stays {@code completed}). After Gatling has exited,
 * {@link #finish} adds what only the end shows: no result at all, a cut-off log, a saturated injector.
 */
final class StopEvaluator {
    /** Seconds in a row with (nearly) every request refused or timed out before the target counts as dead. */
    static final int DEAD_TARGET_SECONDS = 5;
    /** The share of refused or timed-out requests that makes a second "dead". */
    static final double DEAD_TARGET_SHARE = 0.95;
    /** A Gatling still running this long after the plan's end has fallen behind and will not catch up. */
    static final int OVERRUN_GRACE_SEC = 30;
    /** A single GC pause this long means the injector's heap is exhausted: stop rather than wait on it. */
    static final double FATAL_GC_PAUSE_MILLIS = 3_000;
    /**
     * How long Gatling may take to stop after an abort, closing its log and writing its report, before
     * it is killed: the shutdown hook's wait ({@code RunInterruption}) covers this and the recording after it.
     */
    static final long ABORT_GRACE_MILLIS = 8_000;

    /**
     * A decision to stop Gatling.
     *
     * @param outcome     the run's outcome from now on ({@code completed} for a stairs stop)
     * @param reason      why, for run.json and the console
     * @param graceMillis how long Gatling may take to finish its files before it is killed
     * @param consoleLine what the console says now
     * @param graceful    stop through the simulation ({@link GatlingProcess#stopGracefully}), so its log is
     *                    complete, rather than with a signal
     */
    record Stop(RunOutcome outcome, String reason, long graceMillis, String consoleLine, boolean graceful) {
        Stop(RunOutcome outcome, String reason, long graceMillis, String consoleLine) {
            this(outcome, reason, graceMillis, consoleLine, false);
        }
    }

    /** How the run ended: the outcome and its reason (null when there is none). */
    record Ending(RunOutcome outcome, String reason) {
    }

    private final String gatewayUrl;
    private final long deadlineMillis;
    private volatile String abortReason;
    private int deadSeconds;
    private Stop stop;

    /** @param deadlineMillis epoch ms after which a still-running Gatling has overrun its plan */
    StopEvaluator(String gatewayUrl, long deadlineMillis) {
        this.gatewayUrl = gatewayUrl;
        this.deadlineMillis = deadlineMillis;
    }

    /** Asks the run to stop, from any thread; the outcome becomes {@code aborted} unless a stop was decided already. */
    void abort(String reason) {
        abortReason = reason;
    }

    boolean abortRequested() {
        return abortReason != null;
    }

    /** Checked at every poll: a new stop decision, or empty. */
    Optional<Stop> onPoll() {
        if (stop == null && abortReason != null) {
            return decide(new Stop(RunOutcome.ABORTED, abortReason, ABORT_GRACE_MILLIS,
                    "Stopping the run: " + abortReason, true));
        }
        return Optional.empty();
    }

    /**
     * Checked once a second.
     *
     * @param unreachableShare the share of the last seconds' requests that were refused or timed out
     * @param maxGcPauseMillis the injector's longest GC pause so far
     * @param stepLimitReason  why the stairs climb should stop, or null
     */
    Optional<Stop> onSecond(double unreachableShare, double maxGcPauseMillis, long nowMillis, String stepLimitReason) {
        deadSeconds = unreachableShare >= DEAD_TARGET_SHARE ? deadSeconds + 1 : 0;
        if (stop != null) {
            return Optional.empty();
        }
        if (deadSeconds >= DEAD_TARGET_SECONDS) {
            String reason = "the target at " + gatewayUrl + " stopped answering: " + Math.round(100 * unreachableShare)
                    + "% of requests in the last seconds were refused or timed out";
            return decide(new Stop(RunOutcome.TARGET_FAILED, reason, 10_000, reason + "; stopping the run"));
        }
        if (maxGcPauseMillis > FATAL_GC_PAUSE_MILLIS) {
            String reason = String.format(Locale.ROOT, "the injector paused %.0f ms for GC: its heap is exhausted;"
                    + " give it more (--injector-heap-mb), use more injectors (--injector-count) or a smaller --scale",
                    maxGcPauseMillis);
            return decide(new Stop(RunOutcome.INJECTOR_SATURATED, reason, 5_000, reason + "; stopping the run"));
        }
        if (nowMillis > deadlineMillis) {
            String reason = "Gatling was still running " + OVERRUN_GRACE_SEC + " s after the plan and the last "
                    + "requests' timeout ended: the injector fell behind. Use shared connections, more injectors "
                    + "(--injector-count), or a smaller --scale";
            return decide(new Stop(RunOutcome.INJECTOR_SATURATED, reason, 5_000, reason + "; stopping the run"));
        }
        if (stepLimitReason != null) {
            return decide(new Stop(RunOutcome.COMPLETED, stepLimitReason, 10_000,
                    stepLimitReason + "; stopping the climb"));
        }
        return Optional.empty();
    }

    /**
     * Checked once a second, before {@link #onSecond}: requests the injector could not send because it had
     * run out of file descriptors. Their failures are the injector's, not the target's, and every second
     * after the first is more of them, so the run stops at once.
     *
     * @param failures        requests failed with "Too many open files" so far
     * @param openFilesLimit  the injector's limit on open files, or null when unknown
     */
    Optional<Stop> onInjectorOutOfFiles(long failures, Long openFilesLimit) {
        if (stop != null || failures == 0) {
            return Optional.empty();
        }
        String reason = "the injector ran out of file descriptors: " + failures + " requests could not open a "
                + "connection (\"Too many open files\"" + (openFilesLimit == null ? "" : "; its limit is "
                + openFilesLimit) + "). Those failures are the injector's, not the target's. An open model holds a "
                + "connection for every request in flight, so a target that answers slowly needs many: raise the "
                + "limit (ulimit -n before queuebench, a pod's nofile), use more injectors (--injector-count), or a "
                + "smaller --scale";
        return decide(new Stop(RunOutcome.INJECTOR_SATURATED, reason, 5_000, reason + "; stopping the run", true));
    }

    private Optional<Stop> decide(Stop decided) {
        stop = decided;
        return Optional.of(decided);
    }

    /**
     * How the run ended, once Gatling has exited.
     *
     * @param gatlingStarted       whether Gatling wrote its run record (the simulation.log header)
     * @param gatlingExitCode      its exit code
     * @param gatlingConsole       its console log, named when it wrote nothing
     * @param incompleteTailBytes  bytes of a record cut off at the end of simulation.log
     * @param saturationReason     why the injector could not deliver its plan, or null
     */
    /** Slack for the last user's start before the plan's injection end: even arrivals leave well under a second. */
    static final int EARLY_END_SLACK_SEC = 5;

    /**
     * Why Gatling stopped injecting before the plan's end, or null when it did not: a Gatling that ends
     * early by itself (nobody asked it to stop) did not deliver its plan, whatever else went right.
     *
     * @param injectionStartMillis Gatling's start (the plan's clock), from simulation.log
     * @param lastInjectionSec     seconds into the plan at which the last injecting step ends
     * @param lastUserStartMillis  when the last user started, {@link Long#MIN_VALUE} when none did
     */
    static String earlyEnd(long injectionStartMillis, int lastInjectionSec, long lastUserStartMillis) {
        if (lastInjectionSec <= EARLY_END_SLACK_SEC) {
            return null;
        }
        long planEndMillis = injectionStartMillis + lastInjectionSec * 1000L;
        if (lastUserStartMillis != Long.MIN_VALUE && lastUserStartMillis >= planEndMillis - EARLY_END_SLACK_SEC * 1000L) {
            return null;
        }
        long lastSec = lastUserStartMillis == Long.MIN_VALUE ? 0 : (lastUserStartMillis - injectionStartMillis) / 1000;
        return "Gatling stopped injecting users " + lastSec + " s into a plan that injects for " + lastInjectionSec
                + " s, without being asked to stop: the run did not deliver its plan (see gatling/console.log)";
    }

    /** The ending, unless Gatling ended early by itself: then the run is {@code injector-saturated}, with why. */
    Ending unlessEndedEarly(Ending ending, String earlyEndReason) {
        if (ending.outcome() != RunOutcome.COMPLETED || stop != null || earlyEndReason == null) {
            return ending;
        }
        return new Ending(RunOutcome.INJECTOR_SATURATED, ending.reason() == null ? earlyEndReason
                : earlyEndReason + "; " + ending.reason());
    }

    Ending finish(boolean gatlingStarted, int gatlingExitCode, Path gatlingConsole, long incompleteTailBytes,
            String saturationReason) {
        RunOutcome outcome = stop == null ? RunOutcome.COMPLETED : stop.outcome();
        String reason = stop == null ? null : stop.reason();
        if (!gatlingStarted && outcome == RunOutcome.COMPLETED) {
            outcome = RunOutcome.TARGET_FAILED;
            reason = "Gatling exited with code " + gatlingExitCode + " before writing any result; see "
                    + gatlingConsole;
        }
        if (incompleteTailBytes > 0 && reason == null) {
            reason = "simulation.log ends in an incomplete record (" + incompleteTailBytes + " bytes)";
        }
        if (outcome == RunOutcome.COMPLETED && saturationReason != null && reason == null) {
            outcome = RunOutcome.INJECTOR_SATURATED;
            reason = saturationReason + ". Use shared connections, more injectors (--injector-count), or a smaller "
                    + "--scale.";
        }
        return new Ending(outcome, reason);
    }
}
