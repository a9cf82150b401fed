package dev.queuebench.metrics.alarm;

/**
 * One stretch of time an alarm would have been in ALARM.
 *
 * @param alarm         the rule's name
 * @param node          {@code primary} / {@code reader} (server.csv) or the CacheClusterId (CloudWatch)
 * @param source        {@code server.csv} or {@code cloudwatch}
 * @param startEpochSec end of the period whose datapoint made M of the last N breach: when CloudWatch
 *                      would have gone into ALARM
 * @param endEpochSec   end of the period at which it left ALARM, or of the last period with data when it
 *                      was still in ALARM
 * @param peakValue     the worst period value (highest for Greater…, lowest for Less…) from the first
 *                      period of the window that fired to the end of the episode
 */
public record AlarmEpisode(String alarm, String node, String source, long startEpochSec, long endEpochSec,
        double peakValue) {
}
