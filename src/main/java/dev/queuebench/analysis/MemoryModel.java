package dev.queuebench.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Fits {@link MemoryPerUser} on the primary's samples: {@code BytesUsedForCache(t) = fixed +
 * bytesPerUser × joins accepted up to t} (and the same for {@code CurrItems}). Within a run
 * shorter than the state's TTLs (heartbeat 5 min, queue data 30 min) every joined user's keys are
 * still live, which is what makes the slope the cost of one waiting user.
 */
public final class MemoryModel {
    static final String JOIN = "join";
    static final String PRIMARY = "primary";
    public static final int MIN_SAMPLES = 5;

    private MemoryModel() {
    }

    public static MemoryPerUser fit(RequestLog requests, ServerMetrics server) {
        NavigableMap<Long, Double> bytes = server.get(SeriesKey.server(PRIMARY, "BytesUsedForCache"));
        NavigableMap<Long, Double> keys = server.get(SeriesKey.server(PRIMARY, "CurrItems"));
        if (bytes.size() < MIN_SAMPLES || requests.isEmpty()) {
            return null;
        }
        NavigableMap<Long, Double> joinedBy = new TreeMap<>();
        double joined = 0;
        for (long sec : requests.bySecond().keySet()) {
            joined += requests.okAt(sec, JOIN);
            joinedBy.put(sec, joined);
        }
        double[] byteFit = line(bytes, joinedBy);
        double[] keyFit = line(keys, joinedBy);
        double evicted = server.sumOverNodes("Evictions").values().stream().mapToDouble(Double::doubleValue).sum();
        return new MemoryPerUser(byteFit[0], keyFit[0], byteFit[1], (long) joined, (int) byteFit[2], evicted);
    }

    /** {slope, intercept, samples} of y over the joins accepted up to each sample's second. */
    private static double[] line(NavigableMap<Long, Double> y, NavigableMap<Long, Double> joinedBy) {
        List<double[]> rows = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Map.Entry<Long, Double> sample : y.entrySet()) {
            Map.Entry<Long, Double> joined = joinedBy.floorEntry(sample.getKey());
            rows.add(new double[] {joined == null ? 0 : joined.getValue(), 1});
            values.add(sample.getValue());
        }
        if (rows.size() < MIN_SAMPLES) {
            return new double[] {Double.NaN, Double.NaN, rows.size()};
        }
        NonNegativeLeastSquares.Fit fit = NonNegativeLeastSquares.solve(rows.toArray(new double[0][]),
                values.stream().mapToDouble(Double::doubleValue).toArray());
        return new double[] {fit.coefficients()[0], fit.coefficients()[1], rows.size()};
    }
}
