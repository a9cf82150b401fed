package dev.queuebench.analysis;

import dev.queuebench.rundir.RunFiles;

import java.nio.file.Path;
import dev.queuebench.rundir.LatencyHlog;

/**
 * A run directory opened for reading: its files, {@code run.json}, {@code requests.csv}, and the
 * profile laid on the wall clock from the moment injection started. What the reporter and the
 * gate both start from.
 */
public record RunData(RunFiles files, RunInfo info, RequestLog requests, double injectionStartSec,
        LoadTimeline timeline) {

    public static RunData read(Path runDir) {
        RunFiles files = RunFiles.open(runDir);
        RunInfo info = RunInfo.read(files);
        RequestLog requests = RequestLog.read(files);
        double startSec = LatencyHlog.startTimeSec(files);
        if (Double.isNaN(startSec)) {
            // A run that died before its first interval: run.json's start is the best left.
            startSec = info.startMs() / 1000.0;
        }
        long lastSec = requests.isEmpty() ? (long) startSec : requests.bySecond().lastKey();
        return new RunData(files, info, requests, startSec, new LoadTimeline(info.phases(), startSec, lastSec));
    }
}
