package dev.queuebench.plan;


import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The plan in Markdown: the answer first, then every candidate side by side, then the basis. */
public final class PlanReport {
    private PlanReport() {
    }

    public static String render(CapacityPlan plan) {
        PlanRequest request = plan.request();
        PlanBasis basis = plan.basis();
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "# Capacity plan for %,.0f requests/s%n%n", request.targetRps()));
        NodeAssessment best = plan.recommended();
        if (best == null) {
            NodeAssessment closest = plan.candidates().stream()
                    .min(java.util.Comparator.comparingDouble(PlanReport::worstUtilisation)).orElseThrow();
            md.append(String.format(Locale.ROOT, "**No node type in the catalog stays under %.0f%% of every resource "
                    + "at this rate.** The closest is %s (%s). Shard (cluster mode), cut the per-request cost, or "
                    + "lower the target.%n%n", request.maxUtilisationPct(), closest.node().type(),
                    String.join("; ", closest.limits())));
        } else {
            md.append(String.format(Locale.ROOT, "**Recommendation: %s** — the cheapest replication group that "
                    + "stays under %.0f%% of every resource: main-thread CPU %s, memory %s, connections %s, network "
                    + "%s; $%.4f/h per node, %s: $%.4f/h, about $%,.0f/month on demand (%s)%s.%n%n",
                    best.node().type(), request.maxUtilisationPct(), pct(best.engineCpuPct()), pct(best.memoryPct()),
                    pct(best.connectionsPct()), pct(best.networkPct()), best.nodePrice().usdPerHour(),
                    groupSize(request), best.groupUsdPerHour(), best.groupUsdPerMonth(), priceBasis(plan),
                    best.nodePrice().verified() ? "" : "; an estimate to verify before buying"));
        }
        md.append("**Idle connections:** ").append(plan.idleConnections()).append("\n\n");
        for (String warning : plan.warnings()) {
            md.append("> ⚠ ").append(warning).append("\n>\n");
        }
        md.append("\n## Candidates at the target\n\n");
        md.append("| node | vCPU | memory GiB | main-thread CPU | CPUUtilization (AWS threshold) | memory | connections "
                + "| network | linear method: CPU / memory | the team's plan said | $/h per node | $/h group | "
                + "the team's price | fits |\n");
        md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|---|--:|--:|---|---|\n");
        for (NodeAssessment a : plan.candidates()) {
            String said = a.node().capacityPlanProjection().entrySet().stream().filter(e -> !"note".equals(e.getKey()))
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
            md.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %s | %s (%s) | %s | %s | %s | %s / %s | %s | %.4f%s "
                    + "| %.4f | %s | %s |%n",
                    a.node().type(), a.node().vcpu(), a.node().memoryGib(), pct(a.engineCpuPct()), pct(a.hostCpuPct()),
                    a.awsCpuMetric().equals("CPUUtilization") ? pct(a.awsCpuThresholdPct())
                            : "watch EngineCPU < 90%",
                    pct(a.memoryPct()), pct(a.connectionsPct()), pct(a.networkPct()), pct(a.linearEngineCpuPct()),
                    pct(a.linearMemoryPct()), said.isEmpty() ? "–" : said, a.nodePrice().usdPerHour(),
                    a.nodePrice().verified() ? "" : "*", a.groupUsdPerHour(),
                    a.node().teamPrice().isEmpty() ? "–" : a.node().teamPrice(), a.fits() ? "yes" : "no: " + String.join("; ", a.limits())));
        }
        prices(md, plan);
        md.append("\n## The measured basis\n\n");
        md.append("| quantity | value | from |\n|---|--:|---|\n");
        row(md, "runs", String.join(", ", basis.runIds()), "run directories, made on " + basis.measuredNodeType());
        row(md, "measured load", String.format(Locale.ROOT, "%,.0f req/s mean, %,.0f peak step", basis.measuredRps(),
                basis.peakRps()), "requests.csv, ramps and holds");
        row(md, "request mix", basis.mix().entrySet().stream().map(e -> e.getKey() + " " + pct(100 * e.getValue()))
                .collect(Collectors.joining(", ")), "requests.csv");
        row(md, "main-thread CPU per request", number(basis.engineMicrosPerRequest()) + " µs"
                + byKind(basis.engineMicrosByKind()), "server.csv EngineCPUUtilization, fitted per second");
        row(md, "main-thread CPU background", number(basis.engineBackgroundMicrosPerSec()) + " µs/s",
                "the fit's intercept: serverCron, replication, the sampler");
        row(md, "process CPU per request", number(basis.processMicrosPerRequest()) + " µs", "ProcessCPUUtilization");
        row(md, "commands per request", number(basis.commandsPerRequest()), "TotalCmds");
        row(md, "network per request", number(basis.networkBytesPerRequest()) + " B", "NetworkBytesIn + Out");
        row(md, "memory per joined user", number(basis.bytesPerUser()) + " B, fixed " + number(basis.fixedBytes()) + " B",
                "BytesUsedForCache against accepted joins");
        row(md, "users resident at the target", String.format(Locale.ROOT, "%,.0f", plan.residentUsers()),
                String.format(Locale.ROOT, "join rate %,.0f/s × %d s residence (Little's law)",
                        request.targetRps() * basis.mix().getOrDefault("join", 0.0), request.residenceSec()));
        row(md, "connections", String.format(Locale.ROOT, "%,d", plan.connections()), request.pods() + " pods × pool "
                + request.pool().name() + " maxActive " + request.pool().maxActive());
        row(md, "new connections", number(basis.newConnectionsPerSec()) + " /s during the runs", "NewConnections");
        row(md, "Redis ops at the target", String.format(Locale.ROOT, "%,.0f /s", plan.opsPerSec()),
                "commands per request × target");
        row(md, "network at the target", String.format(Locale.ROOT, "%.3f Gbit/s", plan.networkGbps()),
                "bytes per request × target");
        row(md, "your alarms", basis.alarmThresholds().entrySet().stream().map(e -> e.getKey() + " > " + number(e.getValue()))
                .collect(Collectors.joining(", ")), "alarms.json, else the capacity plan's");
        return md.toString();
    }

    private static void prices(StringBuilder md, CapacityPlan plan) {
        PlanRequest request = plan.request();
        if (plan.candidates().stream().anyMatch(a -> !a.nodePrice().verified())) {
            md.append("\n\\* an estimate to verify against the column's source before buying (`\"verified\": false` "
                    + "in the catalog).\n");
        }
        md.append(String.format(Locale.ROOT, "%nA group is %s; \"cheapest\" is by group cost. The costs per request "
                + "are those of the server the runs measured: --engine changes only the price column.%n%n",
                groupSize(request)));
        md.append("| prices | source | region | date |\n|---|---|---|---|\n");
        priceRow(md, "$/h (" + request.engine().productName() + ")", plan.priceColumn());
        plan.teamColumn().ifPresent(team -> priceRow(md, "the team's price", team));
    }

    private static void priceRow(StringBuilder md, String name, PriceColumn column) {
        md.append("| ").append(name).append(" | ").append(column.source()).append(" | ").append(column.region())
                .append(" | ").append(column.date()).append(" |\n");
    }

    private static String groupSize(PlanRequest request) {
        return request.nodesPerGroup() + (request.nodesPerGroup() == 1 ? " node (primary, no replica)"
                : " nodes (primary + " + request.replicas() + (request.replicas() == 1 ? " replica)" : " replicas)"));
    }

    private static String priceBasis(CapacityPlan plan) {
        return plan.request().engine().productName() + ", " + plan.priceColumn().region() + ", "
                + plan.priceColumn().date();
    }

    private static double worstUtilisation(NodeAssessment a) {
        double worst = 0;
        for (double pct : new double[] {a.engineCpuPct(), a.memoryPct(), a.connectionsPct(), a.networkPct()}) {
            if (!Double.isNaN(pct)) {
                worst = Math.max(worst, pct);
            }
        }
        return worst;
    }

    private static String byKind(Map<String, Double> byKind) {
        if (byKind.isEmpty()) {
            return " (the kinds could not be told apart in these runs)";
        }
        return " (" + byKind.entrySet().stream().map(e -> e.getKey() + " " + number(e.getValue()))
                .collect(Collectors.joining(", ")) + ")";
    }

    private static void row(StringBuilder md, String quantity, String value, String from) {
        md.append("| ").append(quantity).append(" | ").append(value).append(" | ").append(from).append(" |\n");
    }

    static String pct(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, value < 1 ? "%.2f%%" : "%.0f%%", value);
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

}
