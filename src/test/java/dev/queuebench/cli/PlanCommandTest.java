package dev.queuebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.report.RunReport;
import dev.queuebench.rundir.GoldenRunDirs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code plan --engine --replicas --server-timeout-sec} on a golden run, and what it refuses. */
class PlanCommandTest {
    @TempDir
    Path temp;

    private record Result(int exitCode, String err) {
    }

    private static Result plan(String... args) {
        CommandLine commandLine = QueuebenchCommand.commandLine();
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "plan";
        System.arraycopy(args, 0, all, 1, args.length);
        return new Result(commandLine.execute(all), err.toString());
    }

    @Test
    void aValkeyGroupOfThreeIsCostedFromTheValkeyColumnAndTheTimeoutOrderIsSaid() throws IOException {
        Path run = GoldenRunDirs.copy(temp, GoldenRunDirs.KEYS_STORM);
        RunReport.write(run);

        Result result = plan(run.toString(), "--target-rps", "1000", "--engine", "valkey", "--replicas", "2",
                "--pool", "current", "--server-timeout-sec", "120");

        assertEquals(0, result.exitCode(), result.err());
        String md = Files.readString(run.resolve("plan.md"));
        assertTrue(md.contains("**Recommendation: cache.t3.small** — the cheapest replication group that stays under "
                + "70% of every resource: main-thread CPU 5%, memory 42%, connections 2%, network 2%; $0.0272/h per "
                + "node, 3 nodes (primary + 2 replicas): $0.0816/h, about $60/month on demand (ElastiCache for "
                + "Valkey, us-east-1, 2025-06); an estimate to verify before buying.\n"), md);
        assertTrue(md.contains("**Idle connections:** Redis closes idle connections first (timeout 120 s) and the "
                + "pool 'current' would only at its IdleTimeout of 240 s"), md);
        assertTrue(md.contains("| cache.r7g.large |"), md);
        assertTrue(md.contains("| 0.1752* | 0.5256 | ~$0.158/h, ~$115/month, ~$75 reserved | yes |"), md);
    }

    @Test
    void anUnknownEngineOrTooManyReplicasIsAUsageError() {
        Result engine = plan("some-run", "--target-rps", "1000", "--engine", "memcached");
        assertEquals(2, engine.exitCode());
        assertTrue(engine.err().contains("--engine must be one of redis, valkey, was 'memcached'"), engine.err());

        Result replicas = plan("some-run", "--target-rps", "1000", "--replicas", "6");
        assertEquals(2, replicas.exitCode());
        assertTrue(replicas.err().contains("--replicas must be between 0 and 5"), replicas.err());
    }
}
