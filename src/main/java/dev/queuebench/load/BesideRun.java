package dev.queuebench.load;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Work that runs beside every load run, in its directory (the server-metrics sampler): started once
 * the directory and the first {@code run.json} exist, before Gatling starts; closed after Gatling has
 * stopped, whatever the outcome.
 */
@FunctionalInterface
public interface BesideRun {
    /** Nothing beside the run. */
    BesideRun NOTHING = runDir -> () -> { };

    /** Starts the work; closing what it returns stops it and writes what it has left to write. */
    AutoCloseable start(Path runDir) throws IOException;
}
