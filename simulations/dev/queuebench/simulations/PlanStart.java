package dev.queuebench.simulations;

import dev.queuebench.profile.SimulationProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Tells queuebench at once when the run starts ({@link SimulationProperty#PLAN_START_FILE}): the epoch
 * ms, written to a temporary file and moved into place, so a reader sees the whole number or no file.
 * Gatling takes its run start right after the simulation's {@code before()} hook, which calls this.
 */
final class PlanStart {
    private PlanStart() {
    }

    static void record(String file, long startMillis) {
        if (file == null || file.isBlank()) {
            return;
        }
        Path target = Path.of(file);
        Path written = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.writeString(written, Long.toString(startMillis), StandardCharsets.US_ASCII);
            Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
