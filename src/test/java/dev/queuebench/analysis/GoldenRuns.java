package dev.queuebench.analysis;

import dev.queuebench.profile.Phase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The hand-made runs the reporter's tests know the answers to. */
public final class GoldenRuns {
    static final long LOW_MICROS = 500;
    static final long KNEE_MICROS = 1_900;
    static final int DRIVER_LAG_SEC = 2;
    static final double JOIN_CPU_MICROS = 50;
    static final double STATUS_CPU_MICROS = 20;
    static final double ENTER_CPU_MICROS = 80;
    static final double BACKGROUND_CPU_MICROS_PER_SEC = 1_000;
    static final double BYTES_PER_USER = 900;
    static final double KEYS_PER_USER = 4;
    static final double FIXED_BYTES = 1_000_000;
    static final double KEYS_MICROS_PER_SEC = 40_000;
    static final double KEYS_CALLS_PER_SEC = 2;

    private GoldenRuns() {
    }

    /**
     * Stairs of 100, 200, 300, 400 requests/s held 10 s each after a 5 s warm-up; p99 is 0.5 ms up to
     * 300 and 1.9 ms at 400, so the knee is at 300. Hold-300 has exactly 1% errors (not a break).
     */
    public static Path knee(Path dir) throws IOException {
        GoldenRun run = new GoldenRun(dir, List.of(new Phase("warmup", 5, 0, 100, true),
                new Phase("hold-100", 10, 100, 100, false), new Phase("hold-200", 10, 200, 200, false),
                new Phase("hold-300", 10, 300, 300, false), new Phase("hold-400", 10, 400, 400, false)));
        for (int second = 0; second < 5; second++) {
            run.requests(second, "status", 20, 0, LOW_MICROS);
        }
        for (int step = 1; step <= 4; step++) {
            for (int second = 5 + (step - 1) * 10; second < 5 + step * 10; second++) {
                int ko = step == 3 ? 3 : 0;
                run.requests(second, "status", step * 100 - ko, ko, step == 4 ? KNEE_MICROS : LOW_MICROS);
            }
        }
        return run.write();
    }

    /**
     * A 20 s hold at 100 requests/s with p99 flat at 0.5 ms, then 60 s at 200 requests/s where p99 at
     * second t is L(t); EngineCPUUtilization at t is a rising function of L(t + 2): it leads by 2 s.
     */
    public static Path driver(Path dir) throws IOException {
        GoldenRun run = new GoldenRun(dir, List.of(new Phase("warmup", 2, 0, 100, true),
                new Phase("hold-100", 20, 100, 100, false), new Phase("hold-200", 60, 200, 200, false)));
        for (int second = 0; second < 82 + DRIVER_LAG_SEC; second++) {
            if (second < 82) {
                run.requests(second, "status", second < 22 ? 100 : 200, 0, latencyAt(second));
            }
            if (second >= DRIVER_LAG_SEC) {
                run.server(second - DRIVER_LAG_SEC, "primary", "EngineCPUUtilization",
                        (latencyAt(second) - 400) / 20.0);
            }
            run.server(second, "primary", "CurrConnections", (second * 7919) % 13);
        }
        return run.write();
    }

    /** Multiples of 8 µs, which HdrHistogram holds exactly at three significant digits. */
    static long latencyAt(int second) {
        return second < 22 ? LOW_MICROS : 504 + ((second * 37L) % 40) * 152;
    }

    public static int joins(int second) {
        return 10 + (second % 5) * 3;
    }

    public static int statuses(int second) {
        return 20 + (second % 7) * 4;
    }

    public static int enters(int second) {
        return 5 + (second % 3) * 2;
    }

    /**
     * A warm-up, a ramp and a hold whose request mix varies second by second, with server metrics
     * that are exact functions of it: the planted costs per request, a KEYS storm in commandstats,
     * memory that grows by a planted amount per joined user, three evicted keys, an alarm.
     */
    public static Path costs(Path dir) throws IOException {
        GoldenRun run = new GoldenRun(dir, List.of(new Phase("warmup", 5, 0, 40, true),
                new Phase("ramp-1", 10, 40, 60, false), new Phase("hold-60", 20, 60, 60, false)));
        long joined = 0;
        for (int second = 0; second < 35; second++) {
            int join = joins(second);
            int status = statuses(second);
            int enter = enters(second);
            run.requests(second, "join", join, 0, 800).requests(second, "status", status, 0, 600)
                    .requests(second, "enter", enter, 0, 900);
            joined += join;
            double engineMicros = BACKGROUND_CPU_MICROS_PER_SEC + JOIN_CPU_MICROS * join + STATUS_CPU_MICROS * status
                    + ENTER_CPU_MICROS * enter;
            run.server(second, "primary", "EngineCPUUtilization", engineMicros / 10_000);
            run.server(second, "primary", "ProcessCPUUtilization", engineMicros / 10_000 + 1);
            run.server(second, "primary", "TotalCmds", 2 + 4 * join + 6 * status + 5 * enter);
            run.server(second, "primary", "EvalBasedCmds", join + status + enter);
            run.server(second, "primary", "NetworkBytesIn", 300 * join + 120 * status + 200 * enter);
            run.server(second, "primary", "NetworkBytesOut", 200 * join + 180 * status + 150 * enter);
            run.server(second, "primary", "CurrConnections", 40);
            run.server(second, "primary", "NewConnections", second == 0 ? 40 : 0);
            run.server(second, "primary", "BytesUsedForCache", FIXED_BYTES + BYTES_PER_USER * joined);
            run.server(second, "primary", "CurrItems", 10 + KEYS_PER_USER * joined);
            run.server(second, "primary", "DatabaseMemoryUsagePercentage", 100 * (FIXED_BYTES + BYTES_PER_USER * joined)
                    / 13_000_000_000.0);
            run.server(second, "primary", "Evictions", second == 20 ? 3 : 0);
            run.server(second, "primary", "cmd.evalsha.calls_per_sec", join + status + enter);
            run.server(second, "primary", "cmd.evalsha.cpu_micros_per_sec", 5.0 * (join + status + enter));
            run.server(second, "primary", "cmd.get.calls_per_sec", status);
            run.server(second, "primary", "cmd.get.cpu_micros_per_sec", 1.0 * status);
            run.server(second, "primary", "cmd.keys.calls_per_sec", KEYS_CALLS_PER_SEC);
            run.server(second, "primary", "cmd.keys.cpu_micros_per_sec", KEYS_MICROS_PER_SEC);
            run.server(second, "reader", "ReplicationLag", second % 2);
        }
        Path written = run.write();
        Files.writeString(written.resolve("server-info.json"), """
                {"nodes":{"primary":{"redis_version":"7.0.15","maxmemory_policy":"allkeys-lru","maxmemory_bytes":0}}}
                """);
        Files.writeString(written.resolve("alarms.json"), """
                {"rules":[],"episodes":[{"alarm":"CPUUtilization > 70","node":"primary","source":"server.csv",
                "startEpochSec":%d,"endEpochSec":%d,"peakValue":75.5}]}
                """.formatted(GoldenRun.START_SEC + 20, GoldenRun.START_SEC + 30));
        return written;
    }
}
