package dev.queuebench.gate;

import dev.queuebench.report.HtmlReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The gate's verdict as JUnit XML (one test case per rule, any CI shows it) and as Markdown. */
public final class GateOutputs {
    private GateOutputs() {
    }

    /** Checks grouped by rule name, in rule order. */
    static Map<String, List<Check>> byRule(List<Check> checks) {
        Map<String, List<Check>> rules = new LinkedHashMap<>();
        for (Check check : checks) {
            rules.computeIfAbsent(check.rule().name(), n -> new java.util.ArrayList<>()).add(check);
        }
        return rules;
    }

    static Verdict ruleVerdict(List<Check> checks) {
        if (checks.stream().anyMatch(c -> c.verdict() == Verdict.FAIL)) {
            return Verdict.FAIL;
        }
        if (checks.stream().allMatch(c -> c.verdict() == Verdict.SKIPPED)) {
            return Verdict.SKIPPED;
        }
        return checks.stream().anyMatch(c -> c.verdict() == Verdict.INCONCLUSIVE) ? Verdict.INCONCLUSIVE : Verdict.PASS;
    }

    public static boolean passed(List<Check> checks) {
        return checks.stream().noneMatch(c -> c.verdict() == Verdict.FAIL);
    }

    public static String junitXml(List<Check> checks, String baseline, String candidate) {
        Map<String, List<Check>> rules = byRule(checks);
        long failures = rules.values().stream().filter(c -> ruleVerdict(c) == Verdict.FAIL).count();
        long skipped = rules.values().stream().filter(c -> ruleVerdict(c) == Verdict.SKIPPED).count();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuites>\n<testsuite name=\"queuebench gate\" tests=\"").append(rules.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"").append(skipped)
                .append("\">\n");
        xml.append("  <properties><property name=\"baseline\" value=\"").append(HtmlReport.escape(baseline))
                .append("\"/><property name=\"candidate\" value=\"").append(HtmlReport.escape(candidate))
                .append("\"/></properties>\n");
        rules.forEach((rule, ruleChecks) -> {
            xml.append("  <testcase classname=\"queuebench.gate\" name=\"").append(HtmlReport.escape(rule)).append("\">\n");
            Verdict verdict = ruleVerdict(ruleChecks);
            String details = details(ruleChecks);
            if (verdict == Verdict.FAIL) {
                long failed = ruleChecks.stream().filter(c -> c.verdict() == Verdict.FAIL).count();
                xml.append("    <failure message=\"").append(failed).append(" check(s) beyond the limit, beyond noise\">")
                        .append(HtmlReport.escape(details)).append("</failure>\n");
            } else if (verdict == Verdict.SKIPPED) {
                xml.append("    <skipped message=\"").append(HtmlReport.escape(ruleChecks.get(0).evidence())).append("\"/>\n");
            }
            xml.append("    <system-out>").append(HtmlReport.escape(details)).append("</system-out>\n  </testcase>\n");
        });
        xml.append("</testsuite>\n</testsuites>\n");
        return xml.toString();
    }

    private static String details(List<Check> checks) {
        StringBuilder text = new StringBuilder();
        for (Check check : checks) {
            text.append(check.verdict()).append("  ").append(check.subject()).append(": ").append(check.evidence())
                    .append('\n');
        }
        return text.toString();
    }

    public static String markdown(List<Check> checks, String baseline, String candidate) {
        StringBuilder md = new StringBuilder("# queuebench gate: ");
        md.append(passed(checks) ? "PASS" : "FAIL (regression beyond noise)").append("\n\n");
        md.append("Baseline `").append(baseline).append("`, candidate `").append(candidate).append("`. A check fails ")
                .append("only when its whole interval is beyond the limit (intervals are widened for the number of ")
                .append("checks, as shown); INCONCLUSIVE means the estimate is beyond it but noise cannot be ruled ")
                .append("out.\n\n");
        md.append("| rule | verdict | step / request | evidence |\n|---|---|---|---|\n");
        byRule(checks).forEach((rule, ruleChecks) -> {
            for (Check check : ruleChecks) {
                if (check.verdict() == Verdict.PASS && ruleChecks.size() > 6) {
                    continue;
                }
                md.append("| ").append(rule.replace("|", "\\|")).append(" | ").append(icon(check.verdict())).append(' ')
                        .append(check.verdict()).append(" | ").append(check.subject().replace("|", "\\|")).append(" | ")
                        .append(check.evidence().replace("|", "\\|")).append(" |\n");
            }
            long passedChecks = ruleChecks.stream().filter(c -> c.verdict() == Verdict.PASS).count();
            if (ruleChecks.size() > 6 && passedChecks > 0) {
                md.append("| ").append(rule.replace("|", "\\|")).append(" | ✅ PASS | ").append(passedChecks)
                        .append(" more checks | within the limit |\n");
            }
        });
        return md.toString();
    }

    private static String icon(Verdict verdict) {
        return switch (verdict) {
            case PASS -> "✅";
            case FAIL -> "❌";
            case INCONCLUSIVE -> "❔";
            case SKIPPED -> "➖";
        };
    }

}
