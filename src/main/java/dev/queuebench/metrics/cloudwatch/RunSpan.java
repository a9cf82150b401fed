package dev.queuebench.metrics.cloudwatch;

import dev.queuebench.rundir.BadInputException;
import dev.queuebench.rundir.RunFiles;
import dev.queuebench.rundir.RunJson;
import dev.queuebench.rundir.RunJsonFile;
import java.time.Instant;

/**
 * When a run was, from its {@code run.json}: its start to its end, or on from its start while it has no
 * end (still running, or killed before it could write one). Events outside it do not belong on its timeline.
 */
public record RunSpan(long startMs, Long endMs) {
    /** DescribeEvents is asked for this much more either side, so that an event at the run's edge is not lost. */
    public static final long FETCH_MARGIN_MS = 60_000;

    /** @throws BadInputException when {@code run.json} cannot be read or has no start */
    public static RunSpan of(RunFiles run) {
        RunJson json = RunJsonFile.read(run.dir());
        if (json.startMs() <= 0) {
            throw new BadInputException(run.file(RunFiles.RUN_JSON) + " has no start_ms, so which events belong to "
                    + "the run cannot be told");
        }
        return new RunSpan(json.startMs(), json.endMs());
    }

    public boolean contains(long epochMs) {
        return epochMs >= startMs && (endMs == null || epochMs <= endMs);
    }

    /** The start of the window to ask ElastiCache for. */
    public Instant fetchFrom() {
        return Instant.ofEpochMilli(startMs - FETCH_MARGIN_MS);
    }

    /** The end of the window to ask ElastiCache for; {@code nowMs} stands for a missing end. */
    public Instant fetchTo(long nowMs) {
        return Instant.ofEpochMilli((endMs == null ? nowMs : endMs) + FETCH_MARGIN_MS);
    }

    @Override
    public String toString() {
        return Instant.ofEpochMilli(startMs) + " to " + (endMs == null ? "(no end yet)" : Instant.ofEpochMilli(endMs));
    }
}
