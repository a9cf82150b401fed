package dev.queuebench.load;

import dev.queuebench.rundir.DrillEvents;
import dev.queuebench.rundir.DrillWindow;
import dev.queuebench.rundir.EventsCsv;
import dev.queuebench.rundir.RunFiles;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Does a run's drills at their seconds of the measured phases, on a thread of its own, and puts each
 * on the run's timeline ({@code events.csv}): when it began, what it did, when it was done or how it
 * failed, and the queue's waiting entries just before and just after it. The plan's clock is Gatling's: the drills are scheduled once its run has started.
 */
public final class DrillScheduler implements AutoCloseable {
    /** Does one drill to the target's Redis; returns when it is done, with what it did (or "" for nothing more). */
    @FunctionalInterface
    public interface Action {
        String perform(Drill drill) throws Exception;
    }

    /** Reads the queue just before a drill; what it returns compares it with the queue just after. */
    @FunctionalInterface
    public interface QueueCheck {
        AfterDrill before() throws Exception;
    }

    /** The comparison with the queue after the drill, as the timeline keeps it ({@link DrillEvents#QUEUE_CHECK}). */
    @FunctionalInterface
    public interface AfterDrill {
        String after() throws Exception;
    }

    /** How long the queue check after a drill keeps trying while Redis does not answer yet. */
    static final long QUEUE_CHECK_PATIENCE_MILLIS = 60_000;

    private final List<Drill> drills;
    private final Action action;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "drills");
        thread.setDaemon(true);
        return thread;
    });
    private volatile RunFiles run;
    private final List<DrillWindow> finished = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Long inProgressSinceMillis;
    private boolean started;

    private final QueueCheck queueCheck;

    /** @param queueCheck reads the target's queue around each drill; null when its Redis is unknown */
    public DrillScheduler(List<Drill> drills, Action action, QueueCheck queueCheck) {
        this.drills = List.copyOf(drills);
        this.action = action;
        this.queueCheck = queueCheck;
    }

    /** Schedules the drills once the plan's clock has started, {@code measuredStartSec} after which the measured phases begin. */
    synchronized void planStarted(RunFiles runFiles, long planStartMillis, int measuredStartSec) {
        if (started) {
            return;
        }
        started = true;
        run = runFiles;
        for (Drill drill : drills) {
            long atMillis = planStartMillis + (measuredStartSec + (long) drill.atMeasuredSec()) * 1000L;
            executor.schedule(() -> perform(drill), Math.max(0, atMillis - System.currentTimeMillis()),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** When each drill acted, so far; one still in progress until now. */
    List<DrillWindow> windows() {
        List<DrillWindow> windows = new java.util.ArrayList<>(finished);
        Long since = inProgressSinceMillis;
        if (since != null) {
            windows.add(new DrillWindow(since, Math.max(since, System.currentTimeMillis())));
        }
        return windows;
    }

    private void perform(Drill drill) {
        AfterDrill afterDrill = queueBefore(drill);
        long began = System.currentTimeMillis();
        inProgressSinceMillis = began;
        record(drill, drill.kind().text(), "started: " + drill.describe());
        try {
            String result = action.perform(drill);
            record(drill, drill.kind().text() + "-done", "after " + (System.currentTimeMillis() - began) + " ms"
                    + (result.isEmpty() ? "" : ": " + result));
        } catch (Exception e) {
            record(drill, drill.kind().text() + "-failed", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        finished.add(new DrillWindow(began, System.currentTimeMillis()));
        inProgressSinceMillis = null;
        if (afterDrill != null) {
            queueAfter(drill, afterDrill);
        }
    }

    private AfterDrill queueBefore(Drill drill) {
        if (queueCheck == null) {
            return null;
        }
        try {
            return queueCheck.before();
        } catch (Exception e) {
            record(drill, DrillEvents.QUEUE_CHECK, "the queue could not be read before the drill: " + e.getMessage());
            return null;
        }
    }

    /** Once Redis answers again (a restart or failover takes a moment): the queue against the one before. */
    private void queueAfter(Drill drill, AfterDrill afterDrill) {
        long deadline = System.currentTimeMillis() + QUEUE_CHECK_PATIENCE_MILLIS;
        while (true) {
            try {
                record(drill, DrillEvents.QUEUE_CHECK, afterDrill.after());
                return;
            } catch (Exception e) {
                if (System.currentTimeMillis() > deadline || Thread.currentThread().isInterrupted()) {
                    record(drill, DrillEvents.QUEUE_CHECK, "the queue could not be read after the drill within "
                            + QUEUE_CHECK_PATIENCE_MILLIS / 1000 + " s: " + e.getMessage());
                    return;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void record(Drill drill, String kind, String detail) {
        try {
            EventsCsv.append(run, new EventsCsv.Event(System.currentTimeMillis(), "drill", kind,
                    detail + " (drill at measured second " + drill.atMeasuredSec() + ")"));
        } catch (IOException e) {
            System.err.println("could not record drill " + kind + " in events.csv: " + e.getMessage());
        }
    }

    /** Drills not yet due are not done: the run is over. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
