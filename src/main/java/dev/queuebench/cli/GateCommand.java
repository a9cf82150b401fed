package dev.queuebench.cli;

import dev.queuebench.gate.BaselineStore;
import dev.queuebench.gate.Check;
import dev.queuebench.gate.GateEvaluator;
import dev.queuebench.gate.GateInputException;
import dev.queuebench.gate.GateOutputs;
import dev.queuebench.gate.GateRule;
import dev.queuebench.gate.GateRules;
import dev.queuebench.gate.JmhResults;
import dev.queuebench.gate.JmhScore;
import dev.queuebench.gate.ReplicatedChecks;
import dev.queuebench.gate.RunComparator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import dev.queuebench.rundir.BadInputException;

/** {@code queuebench gate}: pass, or exit 3 on a regression the evidence shows beyond noise. */
@Command(name = "gate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check a candidate run against a baseline with rules (absolute and relative limits).",
            "Exit 0 pass, 3 regression, 2 usage error, 1 failure. Writes gate-junit.xml and gate.md into the "
                + "candidate's directory (or --junit / --markdown).",
            "Rules and method: docs/gate.md#the-regression-gate."})
final class GateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--baseline", description = "Baseline: a name under --baselines-dir or a run directory.")
    String baseline;

    @Option(names = "--candidate", description = "Candidate run directory; repeat it for runs of the same build, and a "
            + "regression must show in every one of them (recommended on shared machines).")
    List<Path> candidates;

    @Option(names = "--rules", description = "Rules file (JSON). Default: the bundled rules (--print-rules).")
    Path rulesFile;

    @Option(names = "--jmh-baseline", description = "JMH JSON of the baseline. Default: jmh.json in the baseline, if any.")
    Path jmhBaseline;

    @Option(names = "--jmh-candidate", description = "JMH JSON of the candidate build.")
    Path jmhCandidate;

    @Option(names = "--junit", description = "JUnit XML output. Default: gate-junit.xml in the first candidate.")
    Path junit;

    @Option(names = "--markdown", description = "Markdown output. Default: gate.md in the first candidate.")
    Path markdown;

    @Option(names = "--baselines-dir", defaultValue = "results/baselines",
            description = "Where named baselines live. Default: ${DEFAULT-VALUE}.")
    Path baselinesDir;

    @Option(names = "--print-rules", description = "Print the bundled rules (to edit and pass with --rules).")
    boolean printRules;

    @Override
    public Integer call() {
        if (printRules) {
            System.out.print(GateRules.defaultText());
            return QueuebenchCommand.EXIT_OK;
        }
        if (baseline == null || candidates == null || candidates.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give --baseline NAME|DIR and --candidate RUN_DIR");
        }
        try {
            List<GateRule> rules = rulesFile == null ? GateRules.defaults() : GateRules.read(rulesFile);
            Path base = new BaselineStore(baselinesDir).resolve(baseline);
            Path baseJmh = jmhBaseline != null ? jmhBaseline
                    : Files.isRegularFile(base.resolve(BaselineStore.JMH_FILE)) ? base.resolve(BaselineStore.JMH_FILE) : null;
            Map<String, JmhScore> jmhBase = baseJmh == null ? null : JmhResults.read(baseJmh);
            Map<String, JmhScore> jmhCand = jmhCandidate == null ? null : JmhResults.read(jmhCandidate);
            List<List<Check>> perCandidate = new java.util.ArrayList<>();
            for (Path candidate : candidates) {
                RunComparator.Comparison comparison = RunComparator.compare(base, candidate);
                perCandidate.add(GateEvaluator.evaluate(rules, comparison, jmhBase, jmhCand));
            }
            List<Check> checks = ReplicatedChecks.combine(perCandidate);
            Path candidate = candidates.get(0);
            String candidateNames = candidates.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", "));
            String md = GateOutputs.markdown(checks, base.toString(), candidateNames);
            Path junitFile = junit == null ? candidate.resolve("gate-junit.xml") : junit;
            Path markdownFile = markdown == null ? candidate.resolve("gate.md") : markdown;
            Files.writeString(junitFile, GateOutputs.junitXml(checks, base.toString(), candidateNames));
            Files.writeString(markdownFile, md);
            System.out.print(md);
            System.out.println();
            System.out.println("JUnit XML: " + junitFile + ", Markdown: " + markdownFile);
            return GateOutputs.passed(checks) ? QueuebenchCommand.EXIT_OK : QueuebenchCommand.EXIT_GATE_FAILED;
        } catch (GateInputException | BadInputException e) {
            System.err.println("Cannot gate: " + e.getMessage());
            return QueuebenchCommand.EXIT_FAILURE;
        } catch (IOException e) {
            System.err.println("Cannot write the gate's results: " + e.getMessage());
            return QueuebenchCommand.EXIT_FAILURE;
        }
    }
}
