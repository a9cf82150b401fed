package dev.queuebench.analysis;

/** A stretch during which an alarm would have been in ALARM, from {@code alarms.json}. */
public record AlarmPeriod(String alarm, String node, String source, long startEpochSec, long endEpochSec,
        double peakValue) {
}
