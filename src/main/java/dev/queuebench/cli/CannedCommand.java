package dev.queuebench.cli;

import dev.queuebench.gateway.CannedGateway;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code queuebench canned}: a Redis-free stand-in gateway, to measure what an injector can send. */
@Command(name = "canned", mixinStandardHelpOptions = true,
        description = {"Serve fixed JSON on the queue endpoints, with no Redis behind them.",
            "Point 'run --target' at it to measure the injector's own ceiling."})
final class CannedCommand implements Callable<Integer> {
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--port", defaultValue = "8081", description = "Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--io-threads", defaultValue = "1", description = "Default: ${DEFAULT-VALUE}.")
    int ioThreads;

    @Override
    public Integer call() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        try (CannedGateway canned = CannedGateway.start(host, port, ioThreads)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "canned-shutdown"));
            System.out.println("Canned gateway listening on " + canned.baseUrl() + " (no Redis); Ctrl-C to stop.");
            stopped.await();
        }
        return QueuebenchCommand.EXIT_OK;
    }
}
