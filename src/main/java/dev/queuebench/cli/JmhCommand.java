package dev.queuebench.cli;

import dev.queuebench.bench.BenchmarkTarget;
import dev.queuebench.bench.JmhGroup;
import dev.queuebench.bench.JmhListings;
import dev.queuebench.bench.JmhOptionsFactory;
import dev.queuebench.bench.JmhPreset;
import dev.queuebench.bench.JmhReport;
import dev.queuebench.bench.JmhResultFiles;
import dev.queuebench.bench.KeyCleanup;
import dev.queuebench.bench.RedisUrlFile;
import dev.queuebench.bench.Steadiness;
import dev.queuebench.redis.PoolProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code queuebench jmh}: the JMH benchmarks of scripts, endpoints, pool settings and connection counts. */
@Command(name = "jmh", sortOptions = false, versionProvider = VersionProvider.class,
        description = {"Run the JMH benchmarks against Redis (an embedded one by default) with the Redis server-side "
                + "profiler, write JMH JSON and a Markdown table to --out, and print the tables.",
            "Any other arguments go to JMH as they are, e.g. 'ScriptBenchmarks.evalsha -p script=ENQUEUE -t 8 -f 1 "
                    + "-wi 3 -i 10'; naming benchmarks replaces the preset's plan. --reader and --pool do not apply.",
            "JMH's -l, -lp, -lprof and -lrf list benchmarks, benchmarks with their parameters, profilers and result "
                    + "formats, and -h prints JMH's options; none of them starts Redis or runs anything.",
            "Benchmarks and presets: docs/jmh.md#jmh-benchmarks."})
final class JmhCommand implements Callable<Integer> {
    @Mixin
    RedisOptions redis;

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "quick",
            description = "quick (about 8 minutes) or full (about 50 minutes, for baselines). Default: ${DEFAULT-VALUE}.")
    String presetName;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results/jmh",
            description = "Directory for <UTC>-<preset>.json and .md. Default: ${DEFAULT-VALUE}.")
    Path outDirectory;

    // -h is JMH's help here (it is passed through), so the standard help options are declared without it.
    @Option(names = "--help", usageHelp = true, description = "Show this help message and exit (-h: JMH's options).")
    boolean usageHelpRequested;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print version information and exit.")
    boolean versionHelpRequested;

    @Unmatched
    List<String> jmhArguments = new ArrayList<>();

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        JmhPreset preset = parsePreset();
        CommandLineOptions passedThrough = parseJmhArguments();
        if (JmhListings.printIfAsked(passedThrough)) {
            return QueuebenchCommand.EXIT_OK;
        }
        if (redis.readerUrl != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--reader does not apply to jmh: the benchmarks measure one Redis, given with --redis");
        }
        Instant start = Instant.now();
        RedisSetup setup;
        try {
            setup = RedisSetup.open(redis, false, PoolProfile.parse(PoolProfile.CURRENT), redis.tls());
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("Cannot reach Redis: " + e.getMessage());
            return QueuebenchCommand.EXIT_FAILURE;
        }
        try (setup; RedisUrlFile urlFile = RedisUrlFile.write(
                redis.embedded() ? setup.primaryEndpoint().redacted() : redis.redisUrl, redis.caCertificate)) {
            System.out.println("Benchmarking Redis " + setup.describePrimary() + " (preset " + preset.label() + ")");
            // Also this JVM: JMH's -f 0 runs the benchmarks here, and the cleanup below reads it too.
            System.setProperty(BenchmarkTarget.URL_FILE_PROPERTY, urlFile.path().toString());
            Map<String, List<RunResult>> sections;
            long removedKeys;
            try {
                sections = run(plan(preset, passedThrough), preset, passedThrough, urlFile.jvmArgs());
                removedKeys = KeyCleanup.removeBenchmarkKeys();
            } finally {
                System.clearProperty(BenchmarkTarget.URL_FILE_PROPERTY);
            }
            String markdown = header(preset, setup, start) + JmhReport.markdown(sections);
            JmhResultFiles files = JmhResultFiles.in(outDirectory, start, preset.label());
            files.write(sections.values().stream().flatMap(List::stream).toList(), markdown);
            System.out.println();
            System.out.println(markdown);
            for (String trending : JmhReport.trending(sections)) {
                System.out.println("Not steady: " + trending + "; " + Steadiness.advice());
            }
            System.out.println("Removed " + removedKeys + " leftover " + BenchmarkTarget.KEY_PREFIX + "* keys.");
            System.out.println("Results written to " + files.json() + " and " + files.markdown());
            return QueuebenchCommand.EXIT_OK;
        } catch (RunnerException e) {
            spec.commandLine().getErr().println("JMH failed: " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
            return QueuebenchCommand.EXIT_FAILURE;
        }
    }

    private JmhPreset parsePreset() {
        try {
            return JmhPreset.parse(presetName);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--preset: " + e.getMessage());
        }
    }

    private CommandLineOptions parseJmhArguments() {
        try {
            return new CommandLineOptions(jmhArguments.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "JMH options: " + e.getMessage());
        }
    }

    /** The preset's groups, or one group of the benchmarks the user named. */
    private static List<JmhGroup> plan(JmhPreset preset, CommandLineOptions passedThrough) {
        if (passedThrough.getIncludes().isEmpty()) {
            return preset.groups();
        }
        return List.of(new JmhGroup("Benchmarks", "", Map.of(), 1, List.of()));
    }

    private static Map<String, List<RunResult>> run(List<JmhGroup> groups, JmhPreset preset,
            CommandLineOptions passedThrough, List<String> jvmArgs) throws RunnerException {
        Map<String, List<RunResult>> sections = new LinkedHashMap<>();
        for (JmhGroup group : groups) {
            List<RunResult> results = new ArrayList<>(
                    new Runner(JmhOptionsFactory.build(preset, group, passedThrough, jvmArgs)).run());
            sections.computeIfAbsent(group.title(), title -> new ArrayList<>()).addAll(results);
        }
        return sections;
    }

    private static String header(JmhPreset preset, RedisSetup setup, Instant start) {
        return "## queuebench jmh, preset " + preset.label() + "\n\n"
                + "Redis " + setup.describePrimary() + "; started " + start + ", took "
                + Duration.between(start, Instant.now()).toSeconds() + " s; JVM " + System.getProperty("java.version")
                + ". Scores are JMH's, ± its 99.9% confidence interval; Redis columns are per operation from INFO.\n\n";
    }
}
