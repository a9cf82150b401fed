package dev.queuebench.gate;

import dev.queuebench.rundir.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies gate rules to a comparison. A check fails only when the evidence excludes the limit:
 * for an absolute maximum, the candidate's whole interval lies above it; for a relative limit, the
 * whole interval of the change lies beyond it. The intervals are widened for the number of checks
 * (Bonferroni: with k checks each uses 1 − 0.05 ÷ k), so that the gate as a whole, not each check,
 * calls a false regression at most about 5% of the time on runs that do not differ. A percentile
 * is judged only when at least {@value #MIN_VALUES_BEYOND} requests lie beyond it in both runs
 * (the bootstrap cannot see past a sample's largest values, so it is overconfident about a p99 of a
 * hundred requests); for JMH, the candidate's best plausible
 * score (its confidence bound) is still worse than the baseline's worst plausible score by more than
 * the limit. A run that was saturated, aborted or unfinished fails outright.
 */
public final class GateEvaluator {
    /** A percentile is judged only when at least this many requests lie beyond it in both runs. */
    static final int MIN_VALUES_BEYOND = 5;

    private GateEvaluator() {
    }

    /** Requests a percentile metric needs: p99 500, p99.9 5,000, p50 10; 0 for the others. */
    static long requestsNeeded(String metric) {
        return switch (metric) {
            case "p50_ms" -> 2 * MIN_VALUES_BEYOND;
            case "p99_ms" -> 100 * MIN_VALUES_BEYOND;
            case "p999_ms" -> 1_000 * MIN_VALUES_BEYOND;
            default -> 0;
        };
    }

    public static List<Check> evaluate(List<GateRule> rules, RunComparator.Comparison comparison,
            Map<String, JmhScore> jmhBaseline, Map<String, JmhScore> jmhCandidate) {
        List<Check> checks = new ArrayList<>();
        GateRule outcome = new GateRule("runs delivered their load (outcome)", "outcome", "run", "run", Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, "");
        for (var summary : List.of(comparison.baseline(), comparison.candidate())) {
            String which = summary == comparison.baseline() ? "baseline" : "candidate";
            boolean bad = summary.run().noVerdict();
            checks.add(new Check(outcome, which + " " + summary.run().id(), bad ? Verdict.FAIL : Verdict.PASS,
                    "outcome " + summary.run().outcome() + (bad ? ": a run that did not deliver its load can never "
                            + "pass" : "")));
        }
        int tested = 0;
        for (GateRule rule : rules) {
            if (!rule.isJmh()) {
                tested += (int) matching(rule, comparison.differences()).stream()
                        .filter(d -> (rule.relative() ? d.change() : d.candidate()).resampled().length > 0).count();
            }
        }
        double coverage = 1 - 0.05 / Math.max(1, tested);
        for (GateRule rule : rules) {
            if (rule.isJmh()) {
                checks.addAll(jmh(rule, jmhBaseline, jmhCandidate));
            } else {
                checks.addAll(runRule(rule, comparison.differences(), coverage).stream()
                        .map(check -> namingDataWalkers(check, comparison.candidate())).toList());
            }
        }
        return checks;
    }

    /** A count of data-walking commands says which ones, so the failing rule names what to look for. */
    private static Check namingDataWalkers(Check check, Summary candidate) {
        List<Summary.Command> walkers = RunComparator.dataWalkingCommands(candidate);
        if (!check.rule().metric().equals("data_walking_commands") || walkers.isEmpty()) {
            return check;
        }
        List<String> named = walkers.stream().map(c -> String.format(Locale.ROOT, "%s %.0f%% of the command CPU at "
                + "%s µs a call, %s", c.command().toUpperCase(Locale.ROOT), c.cpuSharePct(), fmt(c.microsPerCall()),
                c.where())).toList();
        return new Check(check.rule(), check.subject(), check.verdict(), check.evidence() + ": "
                + String.join("; ", named));
    }

    private static List<Difference> matching(GateRule rule, List<Difference> differences) {
        List<Difference> matched = new ArrayList<>();
        for (Difference d : differences) {
            if (!d.metric().equals(rule.metric()) || !GateRule.matches(rule.request(), d.request())) {
                continue;
            }
            boolean stepMatches = rule.step().equals("*") ? !d.step().equals(RunSeconds.ANY_STEP)
                    || d.request().equals("run") : GateRule.matches(rule.step(), d.step());
            if (stepMatches) {
                matched.add(d);
            }
        }
        return matched;
    }

    private static List<Check> runRule(GateRule rule, List<Difference> differences, double coverage) {
        List<Check> checks = new ArrayList<>();
        for (Difference d : matching(rule, differences)) {
            checks.add(check(rule, d, coverage));
        }
        if (checks.isEmpty()) {
            checks.add(new Check(rule, "step " + rule.step() + ", request " + rule.request(), Verdict.SKIPPED,
                    GateRules.INTEGRITY_METRICS.contains(rule.metric())
                            ? "neither run recorded journeys (journeys.bin.gz), so there is no integrity audit"
                            : "not in both runs"));
        }
        return checks;
    }

    private static Check check(GateRule rule, Difference d, double coverage) {
        String subject = d.step() + " / " + d.request();
        Estimate value = d.candidate();
        if (!value.known()) {
            return new Check(rule, subject, Verdict.SKIPPED, "no " + d.metric() + " in the candidate");
        }
        long needed = requestsNeeded(d.metric());
        if (d.fewest() != null && d.fewest().requests() < needed) {
            return new Check(rule, subject, Verdict.INCONCLUSIVE,
                    TooFewRequests.evidence(d.metric(), d.fewest(), needed, MIN_VALUES_BEYOND));
        }
        if (!Double.isNaN(rule.max()) || !Double.isNaN(rule.min())) {
            boolean upper = !Double.isNaN(rule.max());
            double limit = upper ? rule.max() : rule.min();
            double[] range = value.interval(coverage);
            double far = upper ? range[0] : range[1];
            String interval = Double.isNaN(range[0]) ? "" : String.format(Locale.ROOT, " (%s%% interval %s to %s)",
                    fmt(100 * coverage), fmt(range[0]), fmt(range[1]));
            String evidence = String.format(Locale.ROOT, "%s %s%s, limit %s %s", fmt(value.point()), d.unit(), interval,
                    upper ? "≤" : "≥", fmt(limit));
            boolean beyond = upper ? value.point() > limit : value.point() < limit;
            if (!beyond) {
                return new Check(rule, subject, Verdict.PASS, evidence);
            }
            boolean excluded = Double.isNaN(far) || (upper ? far > limit : far < limit);
            return new Check(rule, subject, excluded ? Verdict.FAIL : Verdict.INCONCLUSIVE, evidence);
        }
        Estimate change = d.change();
        if (!change.known()) {
            return new Check(rule, subject, Verdict.SKIPPED, "no baseline value to compare with");
        }
        boolean increase = !Double.isNaN(rule.maxIncreasePct());
        double limit = increase ? rule.maxIncreasePct() : -rule.maxDecreasePct();
        String unit = d.changeInPoints() ? " points" : "%";
        double[] range = change.interval(coverage);
        String evidence = Double.isInfinite(change.point())
                ? String.format(Locale.ROOT, "%s → %s %s: up from none, beyond any limit in %% (limit %s%.1f%s)",
                        fmt(d.baseline().point()), fmt(value.point()), d.unit(), increase ? "+" : "", limit, unit)
                : String.format(Locale.ROOT, "%s → %s %s: change %+.1f%s (%s%% interval %+.1f to %+.1f), "
                        + "limit %s%.1f%s", fmt(d.baseline().point()), fmt(value.point()), d.unit(), change.point(),
                        unit, fmt(100 * coverage), range[0], range[1], increase ? "+" : "", limit, unit);
        boolean beyond = increase ? change.point() > limit : change.point() < limit;
        if (!beyond) {
            return new Check(rule, subject, Verdict.PASS, evidence);
        }
        double near = increase ? range[0] : range[1];
        boolean excluded = Double.isNaN(near) || (increase ? near > limit : near < limit);
        return new Check(rule, subject, excluded ? Verdict.FAIL : Verdict.INCONCLUSIVE, evidence);
    }

    private static List<Check> jmh(GateRule rule, Map<String, JmhScore> base, Map<String, JmhScore> cand) {
        List<Check> checks = new ArrayList<>();
        if (base == null || cand == null) {
            checks.add(new Check(rule, "JMH", Verdict.SKIPPED, "no JMH results given (--jmh-baseline, --jmh-candidate)"));
            return checks;
        }
        double worsePct = !Double.isNaN(rule.maxDecreasePct()) ? rule.maxDecreasePct() : rule.maxIncreasePct();
        for (JmhScore c : cand.values()) {
            if (!GateRule.matches(rule.benchmark(), c.benchmark())) {
                continue;
            }
            JmhScore b = base.get(c.key());
            if (b == null) {
                checks.add(new Check(rule, c.key(), Verdict.SKIPPED, "not in the baseline"));
                continue;
            }
            double change = 100 * (c.score() / b.score() - 1);
            String evidence = String.format(Locale.ROOT, "%s → %s %s (intervals [%s, %s] and [%s, %s]), change %+.1f%%, "
                    + "limit %.1f%% worse", fmt(b.score()), fmt(c.score()), c.unit(), fmt(b.low()), fmt(b.high()),
                    fmt(c.low()), fmt(c.high()), change, worsePct);
            boolean worse = c.higherIsBetter() ? c.score() < b.score() * (1 - worsePct / 100)
                    : c.score() > b.score() * (1 + worsePct / 100);
            boolean excluded = c.higherIsBetter() ? c.high() < b.low() * (1 - worsePct / 100)
                    : c.low() > b.high() * (1 + worsePct / 100);
            Verdict verdict = excluded ? Verdict.FAIL : worse ? Verdict.INCONCLUSIVE : Verdict.PASS;
            checks.add(new Check(rule, c.key(), verdict, evidence));
        }
        if (checks.isEmpty()) {
            checks.add(new Check(rule, "JMH " + rule.benchmark(), Verdict.SKIPPED, "no benchmark matches"));
        }
        return checks;
    }

    static String fmt(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return Math.abs(value) >= 1000 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.3g", value);
    }
}
