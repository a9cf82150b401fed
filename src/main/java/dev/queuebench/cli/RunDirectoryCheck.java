package dev.queuebench.cli;

import dev.queuebench.rundir.RunDataException;
import dev.queuebench.rundir.RunFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** The verbs that add to an existing run directory refuse one that is not there, as a usage error. */
final class RunDirectoryCheck {
    private RunDirectoryCheck() {
    }

    /** @param option how the user named it: {@code RUN_DIR} or {@code --out} */
    static void requireDirectory(CommandLine.Model.CommandSpec spec, Path runDir, String option) {
        if (!Files.isDirectory(runDir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " " + runDir
                    + " is not a directory: give a run directory (results/runs/<run-id>)");
        }
    }

    /** The run directory at {@code runDir}, or a usage error saying why it is not one (no directory, no run.json). */
    static RunFiles requireRun(CommandLine.Model.CommandSpec spec, Path runDir) {
        try {
            return RunFiles.open(runDir);
        } catch (RunDataException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "RUN_DIR: " + e.getMessage());
        }
    }
}
