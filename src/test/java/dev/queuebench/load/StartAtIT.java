package dev.queuebench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.cli.QueuebenchCommand;
import dev.queuebench.rundir.RunJson;
import dev.queuebench.rundir.RunJsonFile;
import dev.queuebench.rundir.RunOutcome;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A part of a multi-injector run that is not ready by the common start refuses to run shifted, and says so. */
class StartAtIT {
    @Test
    void anInjectorStartingAfterStartAtEndsAbortedWithoutSendingALoad(@TempDir Path results) throws Exception {
        long startAtSec = System.currentTimeMillis() / 1000 - 30;
        int exit = QueuebenchCommand.commandLine().execute("run", "--profile", "smoke", "--injector-count", "2",
                "--injector-index", "1", "--run-group", "late-one", "--start-at", Long.toString(startAtSec),
                "--results-dir", results.toString());
        assertEquals(QueuebenchCommand.EXIT_FAILURE, exit);
        RunJson run = RunJsonFile.read(RunDirectories.only(results));
        assertEquals(RunOutcome.ABORTED, run.outcome());
        assertTrue(run.reasonOrEmpty().startsWith("started late: this injector began "), run.reasonOrEmpty());
        assertEquals("late-one", run.injector().runGroup());
        assertEquals(startAtSec * 1000, run.injector().startAtMs());
        assertEquals(1, run.injector().index());
    }

    @Test
    void aMultiInjectorRunNeedsItsGroupAndCommonStart(@TempDir Path results) {
        assertEquals(QueuebenchCommand.EXIT_USAGE, QueuebenchCommand.commandLine().execute("run", "--injector-count",
                "2", "--results-dir", results.toString()));
        assertEquals(QueuebenchCommand.EXIT_USAGE, QueuebenchCommand.commandLine().execute("run", "--injector-count",
                "2", "--run-group", "g", "--start-at", "tomorrow", "--results-dir", results.toString()));
        assertEquals(QueuebenchCommand.EXIT_USAGE, QueuebenchCommand.commandLine().execute("run", "--injector-count",
                "2", "--run-group", "Not_A_Group", "--start-at", "2026-12-03T10:00:00Z", "--results-dir",
                results.toString()));
    }
}
