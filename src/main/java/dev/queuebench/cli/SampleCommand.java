package dev.queuebench.cli;

import dev.queuebench.metrics.sampler.InfoSampler;
import dev.queuebench.metrics.sampler.SamplerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code queuebench sample}: the INFO sampler on its own, writing server.csv into a directory. */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sample Redis INFO once a second into DIR/server.csv and DIR/server-info.json "
                + "until Ctrl-C or --duration-sec.",
            "Uses INFO only, so it works on ElastiCache; an unreachable node is retried every second.",
            "The metrics: docs/server-metrics.md#the-info-sampler-servercsv."})
final class SampleCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    SampledEndpoints redis;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for server.csv (a run directory).")
    Path outDir;

    @Option(names = "--duration-sec", paramLabel = "N", description = "Stop after N seconds. Default: until Ctrl-C.")
    Integer durationSec;

    @Option(names = "--node-memory-bytes", paramLabel = "BYTES",
            description = "The node type's memory, for DatabaseMemoryUsagePercentage when maxmemory is 0. "
                    + "Default: maxmemory, else the host's total_system_memory.")
    Long nodeMemoryBytes;

    @Override
    public Integer call() throws Exception {
        SamplerSettings settings;
        try {
            if (durationSec != null && durationSec < 1) {
                throw new IllegalArgumentException("--duration-sec must be at least 1, was " + durationSec);
            }
            settings = SamplerSettings.of(redis.primary(), redis.reader(), redis.tls(),
                    nodeMemoryBytes == null ? OptionalLong.empty() : OptionalLong.of(nodeMemoryBytes));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Files.createDirectories(outDir);
        CountDownLatch stopped = new CountDownLatch(1);
        InfoSampler sampler = InfoSampler.start(outDir, settings, System.out::println);
        Thread onCtrlC = new Thread(() -> {
            closeQuietly(sampler);
            stopped.countDown();
        }, "sample-stop");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        System.out.println("Sampling " + settings.primary().redacted()
                + (settings.reader() == null ? "" : " and " + settings.reader().redacted()) + " into "
                + outDir.resolve("server.csv") + (durationSec == null ? " until Ctrl-C" : " for " + durationSec + " s"));
        if (durationSec == null) {
            stopped.await();
            return QueuebenchCommand.EXIT_OK;
        }
        if (stopped.await(durationSec, TimeUnit.SECONDS)) {
            // Ctrl-C came first: the hook has closed the sampler.
            return QueuebenchCommand.EXIT_OK;
        }
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
        sampler.close();
        if (sampler.readingsTaken() == 0) {
            System.err.println("No sample taken: Redis never answered INFO in " + durationSec + " s (see above)");
            return QueuebenchCommand.EXIT_FAILURE;
        }
        System.out.println("Server metrics written to " + outDir.resolve("server.csv"));
        return QueuebenchCommand.EXIT_OK;
    }

    private static void closeQuietly(InfoSampler sampler) {
        try {
            sampler.close();
        } catch (Exception e) {
            System.err.println("Closing the sampler failed: " + e.getMessage());
        }
    }
}
