package dev.queuebench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A process's limit on open files (its soft {@code RLIMIT_NOFILE}), from {@code /proc/<pid>/limits} on Linux. */
final class OpenFilesLimit {
    private OpenFilesLimit() {
    }

    /** The limit, or null where it cannot be read (no {@code /proc}, the process gone, "unlimited"). */
    static Long of(long pid) {
        try {
            return parse(Files.readAllLines(Path.of("/proc", Long.toString(pid), "limits")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** From the lines of a {@code limits} file: {@code Max open files  20000  20000  files}. */
    static Long parse(List<String> limitsLines) {
        for (String line : limitsLines) {
            if (line.startsWith("Max open files")) {
                String[] fields = line.substring("Max open files".length()).trim().split("\\s+");
                if (fields.length > 0 && fields[0].chars().allMatch(Character::isDigit) && !fields[0].isEmpty()) {
                    return Long.parseLong(fields[0]);
                }
            }
        }
        return null;
    }
}
