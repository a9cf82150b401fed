package dev.queuebench.redis;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One running redis-server, started through a small {@code /bin/sh} wrapper so that it dies with
 * the JVM even when the JVM cannot run its shutdown hooks (SIGKILL, a crash, the OOM killer).
 *
 * <p>How: the JVM holds the write end of the wrapper's stdin and never writes to it. The wrapper
 * starts a background watcher that reads that stdin, then {@code exec}s redis-server in its own
 * place (same pid, so {@link Process} tracks Redis itself). When the write end closes, because
 * {@link #stop} closed it or because the kernel closed it as the JVM died, the watcher reads
 * end-of-file and sends Redis SIGTERM. Redis then shuts down without saving (no save points are
 * configured). This needs a POSIX shell, so Windows is not supported.
 *
 * <p>stdout and stderr go to a log file, read back for errors.
 */
final class ServerProcess {
    /** Redis exits within milliseconds of SIGTERM without persistence; this is the patience before SIGKILL. */
    private static final long STOP_TIMEOUT_MILLIS = 5_000;

    // $0 is a label for ps; "$@" is the redis-server command. In the subshell, $$ is still the
    // wrapper's pid, which becomes redis-server's after exec. fd 3 carries stdin into the
    // background watcher, whose stdin would otherwise be /dev/null (POSIX, no job control).
    private static final String WRAPPER = String.join("\n",
            "exec 3<&0",
            "( while read -r _ignored; do :; done; kill -TERM $$ 2>/dev/null ) 0<&3 3<&- &",
            "exec 3<&-",
            "exec \"$@\"");

    private final Process process;
    private final OutputStream lifeline;
    private final Path log;

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.lifeline = process.getOutputStream();
        this.log = log;
    }

    /** Starts {@code command} (the binary and its arguments) with its output appended to {@code log}. */
    static ServerProcess launch(List<String> command, Path log) throws IOException {
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", WRAPPER, "queuebench-redis"));
        wrapped.addAll(command);
        Process process = new ProcessBuilder(wrapped)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new ServerProcess(process, log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    String outputTail() {
        return ServerOutput.tail(log);
    }

    /** Closes the lifeline (the watcher stops Redis) and waits; SIGKILL after {@value #STOP_TIMEOUT_MILLIS} ms. */
    void stop() {
        try {
            lifeline.close();
        } catch (IOException e) {
            // The pipe is already broken: the watcher has seen end-of-file anyway.
        }
        try {
            if (!process.waitFor(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
