package dev.queuebench.load;

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
 * failed. The plan's clock is Gatling's: the drills are scheduled once its run has started.
 */
public final class DrillScheduler implements AutoCloseable {
    /** Does one drill to the target's Redis; returns when it is done. */
    @FunctionalInterface
    public interface Action {
        void perform(Drill drill) throws Exception;
    }

    private final List<Drill> drills;
    private final Action action;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "drills");
        thread.setDaemon(true);
        return thread;
    });
    private volatile RunFiles run;
    private final List<Long> doneAtMillis = new java.util.concurrent.CopyOnWriteArrayList<>();
    private boolean started;

    public DrillScheduler(List<Drill> drills, Action action) {
        this.drills = List.copyOf(drills);
        this.action = action;
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

    /** When each drill began, so far. */
    List<Long> doneAtMillis() {
        return List.copyOf(doneAtMillis);
    }

    private void perform(Drill drill) {
        long began = System.currentTimeMillis();
        doneAtMillis.add(began);
        record(drill, drill.kind().text(), "started: " + drill.describe());
        try {
            action.perform(drill);
            record(drill, drill.kind().text() + "-done", "after " + (System.currentTimeMillis() - began) + " ms");
        } catch (Exception e) {
            record(drill, drill.kind().text() + "-failed", e.getClass().getSimpleName() + ": " + e.getMessage());
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
