package dev.queuebench.cli;

import dev.queuebench.gate.BaselineStore;
import dev.queuebench.gate.GateInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import dev.queuebench.rundir.BadInputException;

/** {@code queuebench baseline promote RUN_DIR --name N}. */
@Command(name = "baseline", mixinStandardHelpOptions = true, subcommands = BaselineCommand.Promote.class,
        description = "Manage the baselines under results/baselines/.")
final class BaselineCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try 'baseline promote'");
    }

    @Command(name = "promote", mixinStandardHelpOptions = true,
            description = "Copy a run (and optionally its JMH results) to results/baselines/<name>/ with baseline.json.")
    static final class Promote implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run to promote.")
        Path runDir;

        @Option(names = "--name", required = true, description = "Baseline name, e.g. t3-micro-10k.")
        String name;

        @Option(names = "--jmh", description = "JMH JSON results to keep with it.")
        Path jmh;

        @Option(names = "--note", description = "What this baseline is, for whoever reads it later.")
        String note;

        @Option(names = "--baselines-dir", defaultValue = "results/baselines",
                description = "Where baselines live. Default: ${DEFAULT-VALUE}.")
        Path baselinesDir;

        @Override
        public Integer call() {
            try {
                Path target = new BaselineStore(baselinesDir).promote(runDir, name, jmh, note);
                System.out.println("Baseline '" + name + "' is " + target + "; gate against it with: "
                        + "java -jar target/queuebench.jar gate --baseline " + name + " --candidate <run-dir>");
                return QueuebenchCommand.EXIT_OK;
            } catch (GateInputException | BadInputException e) {
                System.err.println("Cannot promote: " + e.getMessage());
                return QueuebenchCommand.EXIT_FAILURE;
            } catch (IOException e) {
                System.err.println("Cannot write the baseline: " + e.getMessage());
                return QueuebenchCommand.EXIT_FAILURE;
            }
        }
    }
}
