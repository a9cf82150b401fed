package dev.queuebench.load;

import io.gatling.shared.cli.GatlingCliOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Gatling in a JVM of its own, started from this jar's classpath (an injector needs nothing but a
 * JVM). A separate process because Gatling's entry point stops the logging system when it ends,
 * and so that the injector's own CPU and GC pauses can be measured apart from the harness's and
 * the embedded gateway's. Its console output goes to {@code console.log} beside its results.
 */
public final class GatlingProcess implements AutoCloseable {
    /** Created in the results directory to ask the simulation to stop early with its log complete. */
    public static final String STOP_FILE = "stop-requested";
    /** Where the simulation writes its run's start, epoch ms ({@code SimulationProperty.PLAN_START_FILE}). */
    public static final String PLAN_START_FILE = "plan-start-ms";

    /**
     * One event loop per core, not Netty's two: on a small injector the extra threads only add
     * context switches. No leak detection: it records a stack trace for one buffer in 128, a cost
     * every request shares. Measured with {@code scripts/bench-injector.sh} (docs/measurements.md),
     * whose bare Gatling loop runs with the same options.
     */
    static final List<String> NETTY_OPTIONS = List.of(
            "-Dio.netty.eventLoopThreads=" + Runtime.getRuntime().availableProcessors(),
            "-Dio.netty.leakDetection.level=disabled");

    private final Process process;
    private final Path resultsDir;

    private GatlingProcess(Process process, Path resultsDir) {
        this.process = process;
        this.resultsDir = resultsDir;
    }

    /**
     * @param resultsDir   Gatling writes {@code <runId>/simulation.log} and its report here
     * @param properties   system properties for the simulation ({@code qb.*})
     * @param heapMb       the injector's maximum heap
     * @param noReports    skip Gatling's HTML report (it needs memory in proportion to the run)
     */
    public static GatlingProcess start(String simulationClass, Path resultsDir, Map<String, String> properties,
            int heapMb, boolean noReports, String runDescription) throws IOException {
        Files.createDirectories(resultsDir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms" + Math.min(heapMb, 512) + "m");
        command.add("-Xmx" + heapMb + "m");
        // Gatling writes simulation.log from String internals (StringInternals) and needs this opening.
        command.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
        command.add("-XX:+UseG1GC");
        command.add("-XX:MaxGCPauseMillis=30");
        command.addAll(NETTY_OPTIONS);
        command.add("-Xlog:gc:file=" + resultsDir.resolve("gc.log") + ":uptime");
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.gatling.app.Gatling");
        command.add(GatlingCliOptions.Simulation.longOption());
        command.add(simulationClass);
        command.add(GatlingCliOptions.ResultsFolder.longOption());
        command.add(resultsDir.toAbsolutePath().toString());
        command.add(GatlingCliOptions.RunDescription.longOption());
        command.add(runDescription);
        command.add(GatlingCliOptions.Launcher.longOption());
        command.add("queuebench");
        if (noReports) {
            command.add(GatlingCliOptions.NoReports.longOption());
        }
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(resultsDir.resolve("console.log").toFile())
                .start();
        return new GatlingProcess(process, resultsDir);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Process process() {
        return process;
    }

    /** The {@code simulation.log} once Gatling has created it. */
    public Optional<Path> simulationLog() {
        try (Stream<Path> runs = Files.list(resultsDir)) {
            return runs.filter(Files::isDirectory)
                    .map(run -> run.resolve("simulation.log"))
                    .filter(Files::exists)
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public Path resultsDir() {
        return resultsDir;
    }

    /**
     * Asks the simulation to stop (it watches {@link #STOP_FILE}): it stops injecting, closes
     * simulation.log with every record it has, writes its report and exits. Killed with {@link #stop}
     * if it has not exited after {@code graceMillis}.
     */
    public void stopGracefully(long graceMillis) {
        if (!process.isAlive()) {
            return;
        }
        try {
            Files.writeString(resultsDir.resolve(STOP_FILE), "");
            if (process.waitFor(graceMillis, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (IOException e) {
            // Without the stop file only a signal is left: the last unflushed records are lost.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop(2_000);
    }

    /** Stops Gatling: politely first (it then finishes its files), forcibly after {@code graceMillis}. */
    public void stop(long graceMillis) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(graceMillis, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(5_000);
    }
}
