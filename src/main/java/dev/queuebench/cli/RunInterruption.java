package dev.queuebench.cli;

import dev.queuebench.load.LoadRun;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM during {@code run}: the run ends as {@code aborted} with the signal as
 * its reason, and the JVM waits for it to finish recording. SIGTERM is how Kubernetes stops an
 * injector pod, so it gets the same care as Ctrl-C.
 *
 * <p>A signal makes the JVM run its shutdown hooks and then exit with 128 + the signal's number (130,
 * 143), whatever the main thread is doing. So the hook asks the run to abort and then waits, at most
 * {@link #WAIT_MILLIS} (longer with {@code --upload}, which follows), until the command has recorded the
 * rest of Gatling's log, written run.json and the report, uploaded the run directory when asked,
 * printed the outcome and stopped the embedded gateway and Redis ({@link #close});
 * the embedded Redis has no shutdown hook of its own here, which would stop it under the running load.
 * The signal's name comes from a handler that notes it and hands the signal on to the JVM's own.
 */
final class RunInterruption implements AutoCloseable {
    /** How long the JVM waits for an interrupted run to record itself before it exits anyway. */
    static final long WAIT_MILLIS = 20_000;

    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onShutdown, "run-interruption");
    private final long waitMillis;
    private final String finishing;
    private volatile String signalName;
    private volatile String abortReason;
    private volatile LoadRun run;
    private final Map<Signal, SignalHandler> replaced = new LinkedHashMap<>();
    private final List<AutoCloseable> stopAfterWaiting = new CopyOnWriteArrayList<>();

    private RunInterruption(long waitMillis, String finishing) {
        this.waitMillis = waitMillis;
        this.finishing = finishing;
    }

    /** Installs the hook and the signal handlers; {@link #close} removes the hook. */
    static RunInterruption install() {
        return install(WAIT_MILLIS, "recording");
    }

    /**
     * @param waitMillis how long a signal's shutdown waits for the command to finish
     * @param finishing  what it finishes, for the message when time runs out: "recording and uploading"
     */
    static RunInterruption install(long waitMillis, String finishing) {
        RunInterruption interruption = new RunInterruption(waitMillis, finishing);
        interruption.noteSignal("INT");
        interruption.noteSignal("TERM");
        Runtime.getRuntime().addShutdownHook(interruption.hook);
        return interruption;
    }

    /** The run to abort on a signal; when one came already, it is aborted at once. */
    void attach(LoadRun loadRun) {
        run = loadRun;
        String reason = abortReason;
        if (reason != null) {
            loadRun.abort(reason);
        }
    }

    /**
     * Something the command closes itself (the embedded Redis) that the hook closes after its wait,
     * in case the command did not get that far: a signal must leave nothing running.
     */
    <T extends AutoCloseable> T stopsAfterWaiting(T closeable) {
        stopAfterWaiting.add(closeable);
        return closeable;
    }

    /** The reason an interrupted run records: which signal stopped it. */
    static String reasonFor(String signalName) {
        if ("INT".equals(signalName)) {
            return "interrupted by SIGINT (Ctrl-C)";
        }
        if ("TERM".equals(signalName)) {
            return "stopped by SIGTERM (kill, or Kubernetes stopping the pod)";
        }
        return "stopped: the JVM was asked to shut down";
    }

    private void onShutdown() {
        String reason = reasonFor(signalName);
        abortReason = reason;
        LoadRun attached = run;
        if (attached != null) {
            attached.abort(reason);
        }
        try {
            if (!ended.await(waitMillis, TimeUnit.MILLISECONDS)) {
                System.err.println("The run did not finish " + finishing + " within " + waitMillis / 1000
                        + " s of the signal; its run.json may still say \"running\"");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (AutoCloseable closeable : stopAfterWaiting) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.err.println("Stopping " + closeable + " on exit failed: " + e.getMessage());
            }
        }
    }

    private void noteSignal(String name) {
        try {
            Signal signal = new Signal(name);
            SignalHandler[] previous = new SignalHandler[1];
            previous[0] = Signal.handle(signal, received -> {
                signalName = name;
                SignalHandler next = previous[0];
                if (next == SignalHandler.SIG_DFL || next == null) {
                    System.exit(128 + received.getNumber());
                } else {
                    next.handle(received);
                }
            });
            if (previous[0] == SignalHandler.SIG_IGN) {
                // Started with the signal ignored (nohup, a background job): keep ignoring it.
                Signal.handle(signal, SignalHandler.SIG_IGN);
            } else {
                replaced.put(signal, previous[0]);
            }
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // The JVM does not let us handle this signal (e.g. -Xrs): the hook still runs, without the signal's name.
        }
    }

    /** The command has finished: lets a waiting shutdown go on, or removes the hook when there was no signal. */
    @Override
    public void close() {
        ended.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // A signal came: the hook is running and has just been released.
            return;
        }
        replaced.forEach(Signal::handle);
    }
}
