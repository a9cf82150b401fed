package dev.queuebench.analysis;

import dev.queuebench.profile.Phase;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a large synthetic run directory for the reporter's performance benchmark (README,
 * "Performance"): {@code durationSec} seconds at {@code rps} requests/s (join 1/6, status 2/3,
 * enter 1/6), log-normal latencies around 2 ms, and a server.csv with the sampler's main metrics
 * and five commands. Usage:
 * {@code java -cp target/queuebench.jar:target/test-classes dev.queuebench.analysis.LargeRunGenerator DIR 1800 30000}
 */
public final class LargeRunGenerator {
    private LargeRunGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int durationSec = Integer.parseInt(args[1]);
        int rps = Integer.parseInt(args[2]);
        SplittableRandom random = new SplittableRandom(42);
        int holdSec = durationSec - 60;
        GoldenRun run = new GoldenRun(dir, List.of(new Phase("warmup", 30, 0, rps / 10.0, true),
                new Phase("ramp-1", 30, rps / 10.0, rps, false), new Phase("hold-" + rps, holdSec, rps, rps, false)));
        for (int second = 0; second < durationSec; second++) {
            int planned = (int) Math.round(run.plannedRps(second));
            double loadShare = planned / (double) rps;
            double medianMicros = 1_500 + 1_500 * loadShare * loadShare;
            java.util.function.LongSupplier latency = () -> (long) (medianMicros * Math.exp(0.5 * random.nextGaussian()));
            int joins = planned / 6;
            int enters = planned / 6;
            int statuses = planned - joins - enters;
            run.requests(second, "join", joins, 0, latency).requests(second, "status", statuses, 0, latency)
                    .requests(second, "enter", enters, 0, latency);
            double engineMicros = 10_000 + 25.0 * joins + 12.0 * statuses + 30.0 * enters;
            run.server(second, "primary", "EngineCPUUtilization", engineMicros / 10_000);
            run.server(second, "primary", "ProcessCPUUtilization", engineMicros / 10_000 * 1.3);
            run.server(second, "primary", "TotalCmds", 6.0 * planned);
            run.server(second, "primary", "NetworkBytesIn", 300.0 * planned);
            run.server(second, "primary", "NetworkBytesOut", 250.0 * planned);
            run.server(second, "primary", "CurrConnections", 960);
            run.server(second, "primary", "NewConnections", random.nextInt(3));
            run.server(second, "primary", "BytesUsedForCache", 5e6 + 900.0 * joins * (second + 1));
            run.server(second, "primary", "CurrItems", 4.0 * joins * (second + 1));
            run.server(second, "primary", "DatabaseMemoryUsagePercentage", 10 + 50.0 * second / durationSec);
            for (String command : List.of("evalsha", "get", "zrank", "expire", "exists")) {
                run.server(second, "primary", "cmd." + command + ".calls_per_sec", planned);
                run.server(second, "primary", "cmd." + command + ".cpu_micros_per_sec", 3.0 * planned);
            }
        }
        run.write();
        System.out.println("Wrote " + dir);
    }
}
