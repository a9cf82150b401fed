package dev.queuebench.simulations;

import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;

import dev.queuebench.profile.SimulationProperty;
import io.gatling.javaapi.core.ChainBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * How queuebench stops a run early and still gets every record: Gatling writes
 * {@code simulation.log} through an 8 KiB buffer that only a full buffer or the simulation's own end
 * flushes, so a Gatling killed by a signal loses its last seconds. queuebench instead creates the
 * file named by {@code qb.stopFile}; a watcher sees it (or the harness's death) within
 * {@link #POLL_MILLIS}, and the next user step stops the load generator, which ends the simulation
 * and closes its log. For the same reason this JVM ignores SIGINT: a terminal's Ctrl-C reaches the
 * whole process group, and queuebench, which gets it too, stops Gatling this way.
 */
final class StopRequest {
    static final String MESSAGE = "queuebench asked the simulation to stop";
    static final long POLL_MILLIS = 100;

    private static volatile boolean requested;

    static {
        String stopFile = System.getProperty(SimulationProperty.STOP_FILE);
        if (stopFile != null && !stopFile.isBlank()) {
            ignoreInterrupts();
            watch(Path.of(stopFile));
        }
    }

    private StopRequest() {
    }

    /** A step that stops the load generator once a stop was requested. */
    static ChainBuilder check() {
        return stopLoadGeneratorIf(MESSAGE, session -> requested);
    }

    private static void watch(Path stopFile) {
        HarnessLiveness harness = HarnessLiveness.ofParent();
        Thread watcher = new Thread(() -> {
            while (!Files.exists(stopFile) && (harness == null || harness.alive())) {
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            requested = true;
        }, "queuebench-stop-request");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void ignoreInterrupts() {
        try {
            Signal.handle(new Signal("INT"), SignalHandler.SIG_IGN);
        } catch (IllegalArgumentException e) {
            // The JVM keeps SIGINT to itself here (-Xrs): a Ctrl-C then also ends Gatling at once.
        }
    }
}
