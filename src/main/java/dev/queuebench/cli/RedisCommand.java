package dev.queuebench.cli;

import dev.queuebench.redis.EmbeddedRedis;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code queuebench redis}: a throwaway Redis (and replica) on loopback, until Ctrl-C. */
@Command(name = "redis", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Start a private Redis on a free 127.0.0.1 port (nothing persisted) and print its URL.",
            "Uses redis-server from the PATH, else the one bundled in the jar "
                    + "(-Dqueuebench.redis.binary=path|bundled|FILE forces one). Stops on Ctrl-C."})
final class RedisCommand implements Callable<Integer> {
    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Require the password held in this environment variable (the password itself never "
                    + "goes on the command line). Default: no password.")
    String passwordEnv;

    @Option(names = "--replica", description = "Start a replica of it too, for reader-endpoint tests.")
    boolean replica;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        String password = password();
        EmbeddedRedis.Builder primaryBuilder = EmbeddedRedis.builder();
        if (password != null) {
            primaryBuilder.password(password);
        }
        EmbeddedRedis primary = primaryBuilder.start();
        EmbeddedRedis reader = null;
        try {
            if (replica) {
                reader = EmbeddedRedis.builder().replicaOf(primary).start();
                reader.waitForSync();
            }
        } catch (RuntimeException e) {
            if (reader != null) {
                reader.close();
            }
            primary.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        EmbeddedRedis startedReader = reader;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (startedReader != null) {
                startedReader.close();
            }
            primary.close();
            stopped.countDown();
        }, "redis-command-shutdown"));

        System.out.println("Redis primary: " + describe(primary));
        if (reader != null) {
            System.out.println("Redis replica: " + describe(reader));
        }
        if (password != null) {
            System.out.println("The password is the value of $" + passwordEnv
                    + "; for the other verbs export it as QUEUEBENCH_REDIS_PASSWORD.");
        }
        System.out.println("Nothing is persisted. Press Ctrl-C to stop.");
        stopped.await();
        return QueuebenchCommand.EXIT_OK;
    }

    private String password() {
        if (passwordEnv == null) {
            return null;
        }
        String password = System.getenv(passwordEnv);
        if (password == null || password.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--password-env " + passwordEnv
                    + ": the environment variable is not set or empty; export it first, e.g. "
                    + "export " + passwordEnv + "=...");
        }
        return password;
    }

    private static String describe(EmbeddedRedis redis) {
        return redis.endpoint().redacted() + "  (redis-server " + redis.version() + ", " + redis.binarySource()
                + ": " + redis.binaryPath() + ")";
    }
}
