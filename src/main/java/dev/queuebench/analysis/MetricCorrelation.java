package dev.queuebench.analysis;

/**
 * How well one server metric explains p99 over time.
 *
 * @param rho            Spearman's rank correlation at the best lag
 * @param lagSec         the lag with the strongest |ρ|: positive when the metric moves first
 * @param samples        seconds compared
 * @param aboveValue     the lowest metric value among the seconds where p99 was more than twice its
 *                       low-load value (NaN when p99 never was): "p99 follows X above this"
 * @param lowestValue    the metric's lowest value over the compared seconds: when {@code aboveValue}
 *                       equals it, the metric sets no threshold
 */
public record MetricCorrelation(SeriesKey series, double rho, int lagSec, int samples, double aboveValue,
        double lowestValue) {
}
