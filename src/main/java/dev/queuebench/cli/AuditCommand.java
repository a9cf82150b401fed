package dev.queuebench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.queuebench.analysis.integrity.JourneyAudit;
import dev.queuebench.rundir.BadInputException;
import dev.queuebench.rundir.JsonFiles;
import dev.queuebench.rundir.QueueEndFile;
import dev.queuebench.rundir.RunFiles;
import dev.queuebench.rundir.Summary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code queuebench audit JOURNEYS…}: the queue-integrity audit of journey logs, printed. The
 * logs given are audited as the parts of one run (an injector's users after another's). {@code report}
 * writes the same audit into a run's summary.json.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Audit the journeys of a run (journeys.bin.gz) for queue integrity and print the result:",
            "lost users, double admissions, admissions out of order, position and ETA truth.",
            "Several run directories or journey logs are audited as the parts of one run.",
            "Definitions: docs/integrity.md#definitions; report writes the same audit into summary.json."})
final class AuditCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "RUN_DIR|JOURNEYS",
            description = "Run directories (their journeys.bin.gz) or journey logs.")
    List<Path> inputs;

    @Option(names = "--json", description = "Print the audit as summary.json's integrity object.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        List<Path> logs = new ArrayList<>();
        for (Path input : inputs) {
            Path log = Files.isDirectory(input) ? input.resolve(RunFiles.JOURNEYS) : input;
            if (!Files.isRegularFile(log)) {
                System.err.println("No journey log at " + log + (Files.isDirectory(input)
                        ? ": the run recorded no journeys (it ran with --no-journeys, or before queuebench recorded them)"
                        : "") + "; give a run directory made by: java -jar target/queuebench.jar run --profile smoke");
                return QueuebenchCommand.EXIT_FAILURE;
            }
            logs.add(log);
        }
        Summary.Integrity audit;
        try {
            // One run directory: its queue snapshot too (the queue at the run's end), when it has one.
            QueueEndFile.QueueEnd queueEnd = inputs.size() == 1 && Files.isDirectory(inputs.get(0))
                    ? QueueEndFile.read(new RunFiles(inputs.get(0))) : null;
            audit = JourneyAudit.of(logs, queueEnd);
        } catch (BadInputException e) {
            System.err.println("Cannot audit: " + e.getMessage());
            return QueuebenchCommand.EXIT_FAILURE;
        }
        if (json) {
            System.out.println(JsonFiles.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(audit));
            return QueuebenchCommand.EXIT_OK;
        }
        System.out.println(audit.sentence());
        System.out.printf(Locale.ROOT, "journeys %,d %s%n", audit.journeys(), audit.endings());
        System.out.printf(Locale.ROOT, "lost users %,d (refused within %d s of their last poll), expired %,d%n",
                audit.lostUsers(), audit.heartbeatTtlSec(), audit.expiredUsers());
        System.out.printf(Locale.ROOT, "double admissions %,d (users granted twice %,d, shared reservation tokens %,d; "
                + "double clicks sent %,d)%n", audit.doubleAdmissions(), audit.usersGrantedTwice(),
                audit.reservationTokensShared(), audit.doubleClicks());
        System.out.printf(Locale.ROOT, "admissions out of order %,d of %,d (%.2f%%)%n", audit.orderViolations(),
                audit.admissions(), audit.orderViolationsPct());
        System.out.printf(Locale.ROOT, "position error p50 %.0f p90 %.0f p99 %.0f max %.0f over %,d answers%s%n",
                audit.positionErrorP50(), audit.positionErrorP90(), audit.positionErrorP99(), audit.positionErrorMax(),
                audit.positionChecks(), audit.positionSampled() ? " (a uniform sample)" : "");
        System.out.printf(Locale.ROOT, "first ETA error median %.0f%% p90 %.0f%% over %,d admitted users%n",
                audit.etaErrorMedianPct(), audit.etaErrorP90Pct(), audit.etaChecks());
        Summary.EndState end = audit.endState();
        if (end != null) {
            System.out.printf(Locale.ROOT, "queue at the end: %,d members (%,d without a heartbeat); %,d users believed "
                    + "waiting, %,d of them absent; %,d admitted or gone still present; %,d of other clients%n",
                    end.queueMembers(), end.membersWithoutHeartbeat(), end.believedWaiting(), end.believedButAbsent(),
                    end.endedButPresent(), end.otherMembers());
        }
        if (audit.journeysCutShort()) {
            System.out.println("WARNING: a journey log ends mid-write (a killed run); the journeys before the cut were audited");
        }
        return QueuebenchCommand.EXIT_OK;
    }
}
