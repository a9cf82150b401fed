package dev.queuebench.load;

import dev.queuebench.profile.SimulationProperty;
import dev.queuebench.rundir.RunOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * An injector of a multi-injector run that starts after the common start ({@code --start-at}) does not
 * run shifted: its part ends {@code aborted} and says how late it was, so the merge names it.
 */
final class LateStart {
    private LateStart() {
    }

    /** The reason this injector cannot begin at {@code startAtEpochMs}, or null when it can (or there is none). */
    static String check(long startAtEpochMs, long nowMillis) {
        if (startAtEpochMs <= 0 || nowMillis <= startAtEpochMs) {
            return null;
        }
        return "started late: this injector began " + (nowMillis - startAtEpochMs) + " ms after --start-at "
                + Instant.ofEpochMilli(startAtEpochMs) + "; a part that ran shifted would not line up with the "
                + "others, so it does not run. Start the injectors earlier (a later --start-at, or k8s job "
                + "--start-in-sec)";
    }

    /** A Gatling that refused to start late (its console says so) makes the part {@code aborted}, with its words. */
    static StopEvaluator.Ending unlessLate(StopEvaluator.Ending ending, Path consoleLog) {
        try {
            if (!Files.exists(consoleLog)) {
                return ending;
            }
            for (String line : Files.readAllLines(consoleLog, StandardCharsets.UTF_8)) {
                int at = line.indexOf(SimulationProperty.STARTED_LATE);
                if (at >= 0 && !line.contains("Exception")) {
                    return new StopEvaluator.Ending(RunOutcome.ABORTED, "started late:"
                            + line.substring(at + SimulationProperty.STARTED_LATE.length()));
                }
            }
        } catch (IOException e) {
            return ending;
        }
        return ending;
    }
}
