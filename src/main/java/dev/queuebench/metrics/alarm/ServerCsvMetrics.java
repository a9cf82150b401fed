package dev.queuebench.metrics.alarm;

import dev.queuebench.metrics.ServerMetric;
import java.util.Optional;

/**
 * Which server.csv metric an alarm on a CloudWatch metric is evaluated on. Same name where server.csv
 * has it. CPUUtilization (the host's CPU, all vCPUs, which INFO cannot see) maps to
 * ProcessCPUUtilization, the redis-server process as % of one core: on an N-vCPU host CloudWatch's
 * CPUUtilization is roughly that / N plus the OS's share, so from server.csv the alarm fires earlier
 * (never later) than CloudWatch's would for a single-threaded Redis.
 */
public final class ServerCsvMetrics {
    private ServerCsvMetrics() {
    }

    public static Optional<String> forAlarmMetric(String metric) {
        if (metric.equals("CPUUtilization")) {
            return Optional.of(ServerMetric.ProcessCPUUtilization.name());
        }
        return ServerMetric.named(metric).filter(known -> known.kind() != ServerMetric.Kind.MARKER).map(Enum::name)
                .or(() -> metric.startsWith("cmd.") ? Optional.of(metric) : Optional.empty());
    }
}
