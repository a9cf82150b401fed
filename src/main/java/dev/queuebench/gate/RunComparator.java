package dev.queuebench.gate;

import dev.queuebench.rundir.RunFiles;
import dev.queuebench.rundir.Summary;
import dev.queuebench.rundir.SummaryFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import java.util.NavigableMap;
import org.HdrHistogram.Histogram;

/**
 * Compares a candidate run with a baseline run, step by step (matched by name) and request by
 * request, every difference with a 95% interval from the block bootstrap: resample r of the
 * baseline is set against resample r of the candidate, independent of each other.
 */
public final class RunComparator {
    private RunComparator() {
    }

    public record Comparison(Summary baseline, Summary candidate, List<Difference> differences) {
        public Difference find(String step, String request, String metric) {
            return differences.stream().filter(d -> d.step().equals(step) && d.request().equals(request)
                    && d.metric().equals(metric)).findFirst().orElse(null);
        }
    }

    public static Comparison compare(Path baselineDir, Path candidateDir) {
        RunFiles baseFiles = RunFiles.open(baselineDir);
        RunFiles candFiles = RunFiles.open(candidateDir);
        Summary baseSummary = SummaryFile.read(baseFiles);
        Summary candSummary = SummaryFile.read(candFiles);
        RunSeconds base = RunSeconds.read(baseFiles, baseSummary);
        RunSeconds cand = RunSeconds.read(candFiles, candSummary);
        List<Difference> differences = new ArrayList<>();
        for (String step : base.seconds.keySet()) {
            if (!cand.seconds.containsKey(step)) {
                continue;
            }
            for (String request : base.seconds.get(step).keySet()) {
                List<SparseSecond> b = base.of(step, request);
                List<SparseSecond> c = cand.of(step, request);
                if (!c.isEmpty()) {
                    RequestSample baseSample = base.sample(step, request);
                    RequestSample candSample = cand.sample(step, request);
                    differences.addAll(secondsMetrics(step, request, b, c,
                            candSample.requests() < baseSample.requests() ? candSample : baseSample));
                }
            }
        }
        differences.add(cpuPerRequest(base.cpuAndRequests, cand.cpuAndRequests));
        differences.add(pointOnly("measured", "run", "delivered_requests_pct", "%", baseSummary.load().deliveredPct(),
                candSummary.load().deliveredPct(), true));
        for (Summary.PhaseDelivery phase : candSummary.load().phases()) {
            double basePct = baseSummary.load().phases().stream().filter(b -> b.phase().equals(phase.phase()))
                    .mapToDouble(Summary.PhaseDelivery::deliveredPct).findFirst().orElse(Double.NaN);
            if (!Double.isNaN(phase.deliveredPct())) {
                differences.add(pointOnly(phase.phase(), "run", "delivered_requests_pct", "%", basePct,
                        phase.deliveredPct(), true));
            }
        }
        differences.add(pointOnly("measured", "run", "commands_per_request", "commands", mean(baseSummary, "commands"),
                mean(candSummary, "commands"), false));
        differences.add(pointOnly("measured", "run", "network_bytes_per_request", "B", mean(baseSummary, "network_bytes"),
                mean(candSummary, "network_bytes"), false));
        differences.add(pointOnly("measured", "run", "memory_bytes_per_user", "B",
                baseSummary.memory() == null ? Double.NaN : baseSummary.memory().bytesPerUser(),
                candSummary.memory() == null ? Double.NaN : candSummary.memory().bytesPerUser(), false));
        differences.add(pointOnly("measured", "run", "data_walking_commands", "commands",
                dataWalking(baseSummary), dataWalking(candSummary), false));
        differences.addAll(integrity(baseSummary, candSummary));
        differences.addAll(drills(baseSummary.drills(), candSummary.drills()));
        return new Comparison(baseSummary, candSummary, List.copyOf(differences));
    }

    /** The integrity audit's figures (NaN, so SKIPPED, for a run that recorded no journeys). */
    private static List<Difference> integrity(Summary baseSummary, Summary candSummary) {
        Summary.Integrity base = baseSummary.integrity();
        Summary.Integrity cand = candSummary.integrity();
        if (base == null && cand == null) {
            return List.of(); // neither run recorded journeys: nothing to compare, nothing to show
        }
        return List.of(
                pointOnly("measured", "run", "lost_users", "users", lostOutsideDrills(baseSummary),
                        lostOutsideDrills(candSummary), false),
                pointOnly("measured", "run", "double_admissions", "admissions",
                        integrity(base, Summary.Integrity::doubleAdmissions),
                        integrity(cand, Summary.Integrity::doubleAdmissions), false),
                pointOnly("measured", "run", "order_violations_pct", "%",
                        integrity(base, Summary.Integrity::orderViolationsPct),
                        integrity(cand, Summary.Integrity::orderViolationsPct), false),
                pointOnly("measured", "run", "position_error_p99", "positions",
                        integrity(base, Summary.Integrity::positionErrorP99),
                        integrity(cand, Summary.Integrity::positionErrorP99), false),
                pointOnly("measured", "run", "eta_error_median_pct", "%",
                        integrity(base, Summary.Integrity::etaErrorMedianPct),
                        integrity(cand, Summary.Integrity::etaErrorMedianPct), false));
    }

    /** Users lost that no drill of the run accounts for: a planned restart loses users by design. */
    private static double lostOutsideDrills(Summary summary) {
        if (summary.integrity() == null) {
            return Double.NaN;
        }
        long inDrills = summary.drills().stream().mapToLong(Summary.DrillVerdict::usersLost).sum();
        return summary.integrity().lostUsers() - inDrills;
    }

    /** Each drill of the candidate against the baseline's drill of the same name (its n-th, of the same kind). */
    private static List<Difference> drills(List<Summary.DrillVerdict> base, List<Summary.DrillVerdict> cand) {
        List<Difference> differences = new ArrayList<>();
        for (Summary.DrillVerdict drill : cand) {
            Summary.DrillVerdict before = base.stream().filter(b -> b.name().equals(drill.name())).findFirst()
                    .orElse(null);
            differences.add(pointOnly(drill.name(), "run", "error_window_sec", "s",
                    before == null ? Double.NaN : before.errorWindowSec(), drill.errorWindowSec(), false));
            differences.add(pointOnly(drill.name(), "run", "failed_requests", "requests",
                    before == null ? Double.NaN : before.failedRequests(), drill.failedRequests(), false));
            differences.add(pointOnly(drill.name(), "run", "recovery_sec", "s",
                    before == null ? Double.NaN : before.recoverySec(), drill.recoverySec(), false));
            differences.add(pointOnly(drill.name(), "run", "users_lost", "users",
                    before == null ? Double.NaN : before.usersLost(), drill.usersLost(), false));
            differences.add(pointOnly(drill.name(), "run", "queue_entries_lost", "entries",
                    before == null || before.queueEntriesLost() == null ? Double.NaN : before.queueEntriesLost(),
                    drill.queueEntriesLost() == null ? Double.NaN : drill.queueEntriesLost(), false));
        }
        return differences;
    }

    private static double integrity(Summary.Integrity audit, java.util.function.ToDoubleFunction<Summary.Integrity> figure) {
        return audit == null ? Double.NaN : figure.applyAsDouble(audit);
    }

    /** Commands that walk the keyspace or a whole structure and took at least 1% of the command CPU. */
    private static double dataWalking(Summary summary) {
        if (summary.serverCost().commands().isEmpty()) {
            return Double.NaN;
        }
        return dataWalkingCommands(summary).size();
    }

    /** The commands {@code data_walking_commands} counts, largest share first. */
    static List<Summary.Command> dataWalkingCommands(Summary summary) {
        return summary.serverCost().commands().stream().filter(c -> c.walksData() && c.cpuSharePct() >= 1).toList();
    }

    private static double mean(Summary summary, String resource) {
        Summary.ResourceCost cost = summary.serverCost().of(resource);
        return cost == null ? Double.NaN : cost.meanPerRequest();
    }

    private static List<Difference> secondsMetrics(String step, String request, List<SparseSecond> base,
            List<SparseSecond> cand, RequestSample fewest) {
        Histogram scratch = new Histogram(3);
        double[] basePoint = SecondsMetric.computeAll(base, BlockBootstrap.identity(base.size()), scratch);
        double[] candPoint = SecondsMetric.computeAll(cand, BlockBootstrap.identity(cand.size()), scratch);
        int[][] baseResamples = BlockBootstrap.resamples(base.size(), 1);
        int[][] candResamples = BlockBootstrap.resamples(cand.size(), 2);
        int metrics = SecondsMetric.values().length;
        double[][] baseValues = new double[metrics][BlockBootstrap.RESAMPLES];
        double[][] candValues = new double[metrics][BlockBootstrap.RESAMPLES];
        for (int r = 0; r < BlockBootstrap.RESAMPLES; r++) {
            double[] b = SecondsMetric.computeAll(base, baseResamples[r], scratch);
            double[] c = SecondsMetric.computeAll(cand, candResamples[r], scratch);
            for (int m = 0; m < metrics; m++) {
                baseValues[m][r] = b[m];
                candValues[m][r] = c[m];
            }
        }
        List<Difference> out = new ArrayList<>();
        for (SecondsMetric metric : SecondsMetric.values()) {
            int m = metric.ordinal();
            double[] change = new double[BlockBootstrap.RESAMPLES];
            for (int r = 0; r < change.length; r++) {
                change[r] = change(baseValues[m][r], candValues[m][r], metric.changeInPoints());
            }
            out.add(new Difference(step, request, metric.key(), metric.unit(), estimate(basePoint[m], baseValues[m]),
                    estimate(candPoint[m], candValues[m]),
                    estimate(change(basePoint[m], candPoint[m], metric.changeInPoints()), change),
                    metric.changeInPoints(), metric.higherIsBetter(), fewest));
        }
        return out;
    }

    /** Main-thread CPU µs per request over the measured seconds: Σ CPU ÷ Σ requests, bootstrapped. */
    private static Difference cpuPerRequest(NavigableMap<Long, double[]> base, NavigableMap<Long, double[]> cand) {
        List<double[]> b = new ArrayList<>(base.values());
        List<double[]> c = new ArrayList<>(cand.values());
        double basePoint = ratio(b, BlockBootstrap.identity(b.size()));
        double candPoint = ratio(c, BlockBootstrap.identity(c.size()));
        double[] baseValues = BlockBootstrap.each(BlockBootstrap.resamples(b.size(), 3), picks -> ratio(b, picks));
        double[] candValues = BlockBootstrap.each(BlockBootstrap.resamples(c.size(), 4), picks -> ratio(c, picks));
        double[] change = new double[BlockBootstrap.RESAMPLES];
        for (int r = 0; r < change.length; r++) {
            change[r] = change(baseValues[r], candValues[r], false);
        }
        return new Difference("measured", "run", "engine_cpu_micros_per_request", "µs", estimate(basePoint, baseValues),
                estimate(candPoint, candValues), estimate(change(basePoint, candPoint, false), change), false, false, null);
    }

    private static double ratio(List<double[]> seconds, int[] picks) {
        double cpu = 0;
        double requests = 0;
        for (int pick : picks) {
            cpu += seconds.get(pick)[0];
            requests += seconds.get(pick)[1];
        }
        return requests == 0 ? Double.NaN : cpu / requests;
    }

    private static Difference pointOnly(String step, String request, String metric, String unit, double base,
            double cand, boolean higherIsBetter) {
        return new Difference(step, request, metric, unit, Estimate.pointOnly(base),
                Estimate.pointOnly(cand), Estimate.pointOnly(changeFromCount(base, cand)),
                false, higherIsBetter, null);
    }

    /**
     * A count's change: from none to some is an unbounded increase (a baseline drill without an error window and
     * a candidate with one must fail a max_increase_pct rule, not be skipped for want of a baseline).
     */
    static double changeFromCount(double base, double cand) {
        if (base == 0 && cand > 0) {
            return Double.POSITIVE_INFINITY;
        }
        return change(base, cand, false);
    }

    static double change(double base, double cand, boolean inPoints) {
        if (Double.isNaN(base) || Double.isNaN(cand)) {
            return Double.NaN;
        }
        if (inPoints) {
            return cand - base;
        }
        return base == 0 ? (cand == 0 ? 0 : Double.NaN) : 100 * (cand / base - 1);
    }

    private static Estimate estimate(double point, double[] resampled) {
        return Estimate.of(point, resampled);
    }

}
