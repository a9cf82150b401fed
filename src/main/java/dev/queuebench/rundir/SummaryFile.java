package dev.queuebench.rundir;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * The one writer and reader of {@code summary.json} ({@link Summary} documents its fields).
 *
 * <p>Schema versions: 1 (warnings as bare sentences, no {@code load.phases}, no {@code server_levels})
 * was written before the run directory had its own package and is refused with the command that
 * rewrites it; {@value #SCHEMA_VERSION} is written now. A file of a newer version is refused rather
 * than half-read.
 */
public final class SummaryFile {
    public static final int SCHEMA_VERSION = 2;

    private SummaryFile() {
    }

    public static void write(RunFiles run, Summary summary) throws IOException {
        JsonFiles.writeAtomically(run.file(RunFiles.SUMMARY_JSON), summary);
    }

    /**
     * The run's summary.
     *
     * @throws MissingSummaryException when the run has none, or one of another schema version: the
     *         message gives the {@code report} command that (re)writes it
     */
    public static Summary read(RunFiles run) {
        if (!run.has(RunFiles.SUMMARY_JSON)) {
            throw new MissingSummaryException(run.dir() + " has no " + RunFiles.SUMMARY_JSON + ", which compare, gate "
                    + "and plan read; write it with: " + reportCommand(run));
        }
        JsonNode tree = JsonFiles.read(run.file(RunFiles.SUMMARY_JSON));
        int version = tree.path("schema_version").asInt(0);
        if (version != SCHEMA_VERSION) {
            throw new MissingSummaryException(run.file(RunFiles.SUMMARY_JSON) + " has schema version " + version
                    + ", this harness reads version " + SCHEMA_VERSION + "; rewrite it from the run's files with: "
                    + reportCommand(run));
        }
        return JsonFiles.convert(run.file(RunFiles.SUMMARY_JSON), tree, Summary.class);
    }

    private static String reportCommand(RunFiles run) {
        return "java -jar target/queuebench.jar report " + run.dir();
    }

    /** A run without a summary of this harness's schema: {@code report} makes one. */
    public static final class MissingSummaryException extends BadInputException {
        private static final long serialVersionUID = 1L;

        MissingSummaryException(String message) {
            super(message);
        }
    }
}
