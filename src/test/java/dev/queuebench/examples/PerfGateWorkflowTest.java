package dev.queuebench.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.queuebench.cli.QueuebenchCommand;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The example GitHub Actions workflow's queuebench command lines are ones the CLI accepts (issue 17, item 20). */
class PerfGateWorkflowTest {
    @Test
    void everyQueuebenchLineOfTheWorkflowParsesWithTheCliItself() throws IOException {
        List<String> verbs = new ArrayList<>();
        for (PerfGateWorkflow.Step step : PerfGateWorkflow.steps()) {
            for (List<String> args : step.queuebenchArgs()) {
                CommandLine.ParseResult parsed = QueuebenchCommand.commandLine()
                        .parseArgs(args.toArray(String[]::new));
                assertNotNull(parsed.subcommand(), step.name() + ": " + args);
                verbs.add(parsed.subcommand().commandSpec().name());
            }
        }
        // The baseline run and its promotion, two candidate runs, one gate.
        assertEquals(List.of("run", "baseline", "run", "run", "gate"), verbs);
    }

    @Test
    void quotedCommandSubstitutionsStayOneArgument() {
        assertEquals(List.of("gate", "--candidate", "$(ls -d target/runs/*-ci1)", "--name", "x"),
                PerfGateWorkflow.words("gate --candidate \"$(ls -d target/runs/*-ci1)\"  --name x"));
    }
}
