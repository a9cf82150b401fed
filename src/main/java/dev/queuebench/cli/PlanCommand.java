package dev.queuebench.cli;

import dev.queuebench.plan.CapacityPlan;
import dev.queuebench.plan.CapacityPlanner;
import dev.queuebench.plan.CatalogException;
import dev.queuebench.plan.Engine;
import dev.queuebench.plan.NodeCatalog;
import dev.queuebench.plan.PlanBasisReader;
import dev.queuebench.plan.PlanException;
import dev.queuebench.plan.PlanReport;
import dev.queuebench.plan.PlanRequest;
import dev.queuebench.redis.PoolProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import dev.queuebench.rundir.BadInputException;

/** {@code queuebench plan RUN_DIR… --target-rps N}: the node type for a target, from measured costs. */
@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Project the measured per-request costs of the runs to a target rate on each node type of the "
                + "catalog, and recommend the cheapest that keeps every resource under the headroom.",
            "Writes plan.md into the first run directory and prints it. How: docs/capacity-plan.md#the-capacity-plan."})
final class PlanCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "RUN_DIR", description = "Run directories measured with the sampler.")
    List<Path> runDirs = List.of();

    @Option(names = "--target-rps", description = "Total requests per second to plan for, e.g. 30000.")
    Double targetRps;

    @Option(names = "--headroom", defaultValue = "0.3",
            description = "Share of every resource kept free at the target. Default: ${DEFAULT-VALUE} (stay under 70%%).")
    double headroom;

    @Option(names = "--catalog", description = "Node catalog JSON. Default: the bundled one (see --print-catalog).")
    Path catalogFile;

    @Option(names = "--pods", defaultValue = "16", description = "Gateway pods. Default: ${DEFAULT-VALUE}.")
    int pods;

    @Option(names = "--pool", defaultValue = "recommended",
            description = "Pool profile per pod (current, emergency, recommended, or with overrides). Default: ${DEFAULT-VALUE}.")
    String pool;

    @Option(names = "--residence-sec", defaultValue = "1800",
            description = "How long a joined user's state stays in Redis. Default: ${DEFAULT-VALUE} (queue data TTL).")
    int residenceSec;

    @Option(names = "--engine", defaultValue = "redis",
            description = "Engine whose price column is used: redis (ElastiCache for Redis OSS) or valkey "
                    + "(ElastiCache for Valkey). Default: ${DEFAULT-VALUE}.")
    String engine;

    @Option(names = "--replicas", defaultValue = "1",
            description = "Read replicas beside the primary; the group costs (1 + replicas) nodes. "
                    + "Default: ${DEFAULT-VALUE} (primary + replica).")
    int replicas;

    @Option(names = "--server-timeout-sec", defaultValue = "300",
            description = "Redis's 'timeout' (idle client connections closed after it; 0 never), checked against "
                    + "the pool's idle timeout. Default: ${DEFAULT-VALUE} (the capacity plan's).")
    int serverTimeoutSec;

    @Option(names = "--print-catalog", description = "Print the bundled node catalog (to edit and pass with --catalog).")
    boolean printCatalog;

    @Override
    public Integer call() throws IOException {
        if (printCatalog) {
            System.out.print(NodeCatalog.bundledText());
            return QueuebenchCommand.EXIT_OK;
        }
        if (runDirs.isEmpty() || targetRps == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give run directories and --target-rps, e.g.: plan results/runs/<run-id> --target-rps 30000");
        }
        PlanRequest request;
        try {
            request = new PlanRequest(targetRps, headroom, pods, PoolProfile.parse(pool), residenceSec,
                    Engine.parse(engine), replicas, serverTimeoutSec);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            NodeCatalog catalog = catalogFile == null ? NodeCatalog.bundled() : NodeCatalog.read(catalogFile);
            CapacityPlan plan = CapacityPlanner.plan(request, PlanBasisReader.read(runDirs), catalog);
            String markdown = PlanReport.render(plan);
            System.out.print(markdown);
            Path out = runDirs.get(0).resolve("plan.md");
            Files.writeString(out, markdown);
            System.out.println();
            System.out.println("Plan written to " + out);
            return QueuebenchCommand.EXIT_OK;
        } catch (CatalogException | BadInputException | PlanException e) {
            System.err.println("Cannot plan: " + e.getMessage());
            return QueuebenchCommand.EXIT_FAILURE;
        }
    }
}
