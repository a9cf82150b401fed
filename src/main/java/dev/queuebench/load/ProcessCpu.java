package dev.queuebench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's CPU time from {@code /proc/<pid>/stat} (user + system, in clock ticks of 1/100 s on
 * Linux), so the run can tell an injector that has run out of CPU. Elsewhere it reports nothing.
 */
final class ProcessCpu {
    private static final double TICKS_PER_SEC = 100.0;

    private ProcessCpu() {
    }

    /** CPU seconds used so far, or -1 when it cannot be read. */
    static double cpuSec(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name may contain spaces; fields after its closing parenthesis are fixed.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SEC;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
