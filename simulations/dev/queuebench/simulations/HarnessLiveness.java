package dev.queuebench.simulations;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whether the process that started this one (queuebench's harness) still runs, asked without opening
 * a file: an injector that has run out of file descriptors must not take its own failure to look for
 * the harness as the harness's death (that stopped a starved run two seconds in).
 *
 * <p>{@link ProcessHandle#isAlive()} opens {@code /proc/<pid>/stat} on Linux at every call and answers
 * "dead" when it cannot. So on Linux this class opens that file once, at the start, and re-reads the
 * open file: the kernel answers a read of a reaped process's file with an error, and a zombie's with
 * state {@code Z}. Where there is no {@code /proc} (macOS), {@code isAlive} asks the kernel without a
 * file and is used as it is.
 */
final class HarnessLiveness {
    private final ProcessHandle harness;
    private final FileChannel stat;
    private final ByteBuffer buffer = ByteBuffer.allocate(1024);

    private HarnessLiveness(ProcessHandle harness, FileChannel stat) {
        this.harness = harness;
        this.stat = stat;
    }

    /** The harness as this process's parent; null when it has none (nothing to watch). */
    static HarnessLiveness ofParent() {
        return ProcessHandle.current().parent().map(HarnessLiveness::of).orElse(null);
    }

    static HarnessLiveness of(ProcessHandle harness) {
        FileChannel stat;
        try {
            stat = FileChannel.open(Path.of("/proc", Long.toString(harness.pid()), "stat"), StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException e) {
            stat = null;
        }
        return new HarnessLiveness(harness, stat);
    }

    boolean alive() {
        if (stat == null) {
            return harness.isAlive();
        }
        buffer.clear();
        try {
            int read = stat.read(buffer, 0);
            return read > 0 && !stateIsDead(new String(buffer.array(), 0, read, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }

    /** The state field of a {@code /proc/<pid>/stat} line: after the command's closing parenthesis. */
    static boolean stateIsDead(String statLine) {
        int close = statLine.lastIndexOf(')');
        if (close < 0 || close + 2 >= statLine.length()) {
            return false;
        }
        char state = statLine.charAt(close + 2);
        return state == 'Z' || state == 'X' || state == 'x';
    }
}
