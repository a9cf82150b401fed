package dev.queuebench.metrics.alarm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.ToDoubleFunction;

/**
 * Groups timed values into alarm periods aligned to the UTC epoch (as CloudWatch aligns them), from
 * the period holding the first value to the one holding the last; periods without values are missing.
 */
final class PeriodAggregator {
    private PeriodAggregator() {
    }

    /**
     * @param points epoch second → value (server.csv samples, or the starts of finer CloudWatch periods)
     * @param fold   the rule's statistic over one period's values
     */
    static PeriodSeries aggregate(NavigableMap<Long, Double> points, int periodSec, ToDoubleFunction<double[]> fold) {
        long first = Math.floorDiv(points.firstKey(), periodSec) * periodSec;
        long last = Math.floorDiv(points.lastKey(), periodSec) * periodSec;
        int count = (int) ((last - first) / periodSec) + 1;
        double[] values = new double[count];
        Arrays.fill(values, Double.NaN);
        List<Double> current = new ArrayList<>();
        int currentIndex = -1;
        for (Map.Entry<Long, Double> point : points.entrySet()) {
            int index = (int) ((point.getKey() - first) / periodSec);
            if (index != currentIndex && !current.isEmpty()) {
                values[currentIndex] = fold.applyAsDouble(current.stream().mapToDouble(Double::doubleValue).toArray());
                current.clear();
            }
            currentIndex = index;
            current.add(point.getValue());
        }
        values[currentIndex] = fold.applyAsDouble(current.stream().mapToDouble(Double::doubleValue).toArray());
        return new PeriodSeries(first, periodSec, values);
    }
}
