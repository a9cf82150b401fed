package dev.queuebench.gate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Combines the checks of several candidate runs of the same build: a regression must show in every
 * one of them to fail the gate. On a shared machine a co-tenant can slow a whole run, which no
 * statistic within one run can tell from a regression; a second run that does not reproduce it can.
 * Outcome checks are kept per run: a saturated or aborted candidate fails the gate on its own.
 */
public final class ReplicatedChecks {
    static final String OUTCOME = "outcome";

    private ReplicatedChecks() {
    }

    public static List<Check> combine(List<List<Check>> perCandidate) {
        if (perCandidate.size() == 1) {
            return perCandidate.get(0);
        }
        List<Check> combined = new ArrayList<>();
        Map<String, List<Check>> bySubject = new LinkedHashMap<>();
        for (List<Check> checks : perCandidate) {
            for (Check check : checks) {
                if (OUTCOME.equals(check.rule().metric())) {
                    if (combined.stream().noneMatch(c -> c.subject().equals(check.subject()))) {
                        combined.add(check);
                    }
                } else {
                    bySubject.computeIfAbsent(check.rule().name() + "\u0000" + check.subject(), k -> new ArrayList<>())
                            .add(check);
                }
            }
        }
        for (List<Check> same : bySubject.values()) {
            combined.add(new Check(same.get(0).rule(), same.get(0).subject(), verdict(same), evidence(same)));
        }
        return combined;
    }

    private static Verdict verdict(List<Check> same) {
        if (same.stream().anyMatch(c -> c.verdict() == Verdict.PASS)) {
            return Verdict.PASS;
        }
        if (same.stream().allMatch(c -> c.verdict() == Verdict.FAIL)) {
            return Verdict.FAIL;
        }
        return same.stream().anyMatch(c -> c.verdict() == Verdict.INCONCLUSIVE || c.verdict() == Verdict.FAIL)
                ? Verdict.INCONCLUSIVE : Verdict.SKIPPED;
    }

    private static String evidence(List<Check> same) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < same.size(); i++) {
            if (i > 0) {
                text.append("; ");
            }
            text.append("run ").append(i + 1).append(' ').append(same.get(i).verdict()).append(": ")
                    .append(same.get(i).evidence());
        }
        return text.toString();
    }
}
