package dev.queuebench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level command. Each verb is a class of its own, listed here.
 *
 * <p>Exit codes are a contract: 0 ok, 1 failure, 2 usage error, 3 regression gate failed.
 */
@Command(
        name = "queuebench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Load-test and benchmark harness for a Redis-backed virtual waiting room.",
        subcommands = {RunCommand.class, ReportCommand.class, PlanCommand.class, CompareCommand.class,
            GateCommand.class, BaselineCommand.class, AuditCommand.class, MarkCommand.class, MergeCommand.class, K8sCommand.class, JmhCommand.class, ServeCommand.class, CannedCommand.class,
            RedisCommand.class, SampleCommand.class, CloudWatchCommand.class, EventsCommand.class, AlarmsCommand.class,
            CommandLine.HelpCommand.class})
public final class QueuebenchCommand implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_GATE_FAILED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'queuebench help'");
    }

    /** The command line with the project's exit-code mapping. */
    public static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /** The same, its verbs made by {@code factory} (a test's, to give a verb a fixed clock). */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine commandLine = new CommandLine(new QueuebenchCommand(), factory);
        commandLine.setExitCodeExceptionMapper(
                throwable -> throwable instanceof CommandLine.ParameterException ? EXIT_USAGE : EXIT_FAILURE);
        commandLine.getCommandSpec().exitCodeOnInvalidInput(EXIT_USAGE);
        commandLine.getCommandSpec().exitCodeOnExecutionException(EXIT_FAILURE);
        return commandLine;
    }
}
