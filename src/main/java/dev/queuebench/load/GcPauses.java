package dev.queuebench.load;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows the injector's unified GC log ({@code -Xlog:gc}) and reports its stop-the-world pauses:
 * lines such as {@code [12.345s] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 96M->21M(512M) 4.321ms}.
 */
final class GcPauses {
    private static final Pattern PAUSE = Pattern.compile("Pause.* ([0-9]+(?:\\.[0-9]+)?)ms\\s*$");

    private final Path gcLog;
    private long offset;
    private double maxPauseMillis;
    private double totalPauseMillis;

    GcPauses(Path gcLog) {
        this.gcLog = gcLog;
    }

    /** Reads what was appended since the last call. */
    void poll() {
        if (!Files.exists(gcLog)) {
            return;
        }
        try (RandomAccessFile file = new RandomAccessFile(gcLog.toFile(), "r")) {
            if (file.length() <= offset) {
                return;
            }
            file.seek(offset);
            byte[] bytes = new byte[(int) Math.min(file.length() - offset, 1 << 20)];
            file.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            int lastNewline = text.lastIndexOf('\n');
            if (lastNewline < 0) {
                return;
            }
            offset += text.substring(0, lastNewline + 1).getBytes(StandardCharsets.UTF_8).length;
            for (String line : text.substring(0, lastNewline).split("\n")) {
                Matcher matcher = PAUSE.matcher(line);
                if (matcher.find()) {
                    double pause = Double.parseDouble(matcher.group(1));
                    maxPauseMillis = Math.max(maxPauseMillis, pause);
                    totalPauseMillis += pause;
                }
            }
        } catch (IOException e) {
            // A GC log we cannot read only costs us the GC check; the run goes on.
        }
    }

    double maxPauseMillis() {
        return maxPauseMillis;
    }

    double totalPauseMillis() {
        return totalPauseMillis;
    }
}
