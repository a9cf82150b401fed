package dev.queuebench.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;

/**
 * Fits {@link RequestCost} from per-second request counts and a per-second server rate. Seconds
 * next to a counter reset are left out (a restart's rates are not the load's). The split between
 * kinds needs the mix to vary over the run (a warm-up, a ramp, the joins before the first polls);
 * with a condition number above {@value #MAX_RELIABLE_CONDITION} it is reported as unreliable.
 */
public final class RequestCostModel {
    public static final double MAX_RELIABLE_CONDITION = 10;
    public static final int MIN_SECONDS = 5;

    private RequestCostModel() {
    }

    public static RequestCost fit(String resource, RequestLog requests, List<String> kinds,
            NavigableMap<Long, Double> serverPerSec, Set<Long> excludedSeconds) {
        List<double[]> rows = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        double totalServer = 0;
        double totalRequests = 0;
        for (Map.Entry<Long, Double> second : serverPerSec.entrySet()) {
            long epochSec = second.getKey();
            if (excludedSeconds.contains(epochSec) || excludedSeconds.contains(epochSec - 1)) {
                continue;
            }
            double[] row = new double[kinds.size() + 1];
            double requestsThisSecond = 0;
            for (int i = 0; i < kinds.size(); i++) {
                row[i] = requests.countAt(epochSec, kinds.get(i));
                requestsThisSecond += row[i];
            }
            row[kinds.size()] = 1;
            rows.add(row);
            ys.add(second.getValue());
            totalServer += second.getValue();
            totalRequests += requestsThisSecond;
        }
        if (rows.size() < MIN_SECONDS || totalRequests == 0) {
            return null;
        }
        double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        NonNegativeLeastSquares.Fit fit = NonNegativeLeastSquares.solve(rows.toArray(new double[0][]), y);
        Map<String, Double> perRequest = new LinkedHashMap<>();
        for (int i = 0; i < kinds.size(); i++) {
            perRequest.put(kinds.get(i), fit.coefficients()[i]);
        }
        double background = fit.coefficients()[kinds.size()];
        double mean = Math.max(0, (totalServer - background * rows.size()) / totalRequests);
        return new RequestCost(resource, perRequest, background, mean, fit.rSquared(),
                fit.conditionNumber() <= MAX_RELIABLE_CONDITION, rows.size());
    }
}
