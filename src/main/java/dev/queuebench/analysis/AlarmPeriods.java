package dev.queuebench.analysis;

import dev.queuebench.rundir.AlarmsJson;
import dev.queuebench.rundir.RunFiles;
import java.util.List;

/** The alarm episodes of a run, from {@code alarms.json} (format and reader: {@link AlarmsJson}). No file: no periods. */
public final class AlarmPeriods {
    private AlarmPeriods() {
    }

    public static List<AlarmPeriod> read(RunFiles files) {
        return of(AlarmsJson.read(files));
    }

    static List<AlarmPeriod> of(AlarmsJson alarms) {
        return alarms.episodes().stream().map(e -> new AlarmPeriod(e.alarm(), e.node(), e.source(),
                e.startEpochSec(), e.endEpochSec(), e.peakValue())).toList();
    }
}
