package dev.queuebench.analysis.integrity;

import dev.queuebench.rundir.BadInputException;
import dev.queuebench.rundir.JourneyLogReader;
import dev.queuebench.rundir.QueueEndFile;
import dev.queuebench.rundir.RunFiles;
import dev.queuebench.rundir.Summary;
import java.nio.file.Path;
import java.util.List;

/** Reads a run's journey logs and audits them ({@link IntegrityAudit}); the entry point for the analysis. */
public final class JourneyAudit {
    private JourneyAudit() {
    }

    /**
     * The audit of the run's {@code journeys.bin.gz} (a merged run's one log per part, as one run), or null
     * when the run recorded no journeys.
     */
    public static Summary.Integrity of(RunFiles files) {
        List<java.nio.file.Path> logs = files.journeyLogs();
        if (logs.isEmpty()) {
            return null;
        }
        try {
            return of(logs, QueueEndFile.read(files));
        } catch (BadInputException e) {
            throw new BadInputException(e.getMessage() + "; the rest of the run is intact: move "
                    + RunFiles.JOURNEYS + " (and " + RunFiles.QUEUE_END + ") aside to report it without the "
                    + "integrity audit", e);
        }
    }

    /**
     * The audit of one or more journey logs (the parts of one run), read one after another.
     *
     * @param queueEnd the queue at the run's end, or null
     */
    public static Summary.Integrity of(List<Path> logs, QueueEndFile.QueueEnd queueEnd) {
        JourneyTable table = new JourneyTable();
        table.queueEnd = queueEnd == null ? null : queueEnd.lookup();
        for (Path log : logs) {
            JourneyLogReader.Result result = JourneyLogReader.read(log, table);
            table.cutShort |= result.cutShort();
            table.nextPart();
        }
        table.trim();
        return IntegrityAudit.audit(table, AdmissionRules.GATEWAY, queueEnd);
    }
}
