package dev.queuebench.rundir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The one reader and the one writer of {@code run.json} (its schema: {@link RunJson}).
 */
public final class RunJsonFile {
    private RunJsonFile() {
    }

    /** Writes {@code run.json} into the run directory atomically: a reader sees the old file or the new, never half. */
    public static void write(Path runDir, RunJson run) {
        Path file = runDir.resolve(RunFiles.RUN_JSON);
        try {
            JsonFiles.writeAtomically(file, JsonFiles.JSON.valueToTree(run));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the {@code run.json} of a run directory.
     *
     * @throws RunDataException naming the file and what is wrong: unreadable, not JSON, no {@code id},
     *                          a newer schema, a field of the wrong type
     */
    public static RunJson read(Path runDir) {
        Path file = runDir.resolve(RunFiles.RUN_JSON);
        JsonNode root;
        try {
            root = JsonFiles.read(file);
        } catch (BadInputException e) {
            throw new RunDataException(e.getMessage(), e);
        }
        if (!(root instanceof ObjectNode object) || !root.hasNonNull("id")) {
            throw new RunDataException(file + " has no \"id\": not a queuebench run.json");
        }
        int schemaVersion = root.path("schema_version").asInt(RunJson.SCHEMA_VERSION);
        if (schemaVersion > RunJson.SCHEMA_VERSION) {
            throw new RunDataException(file + " has schema_version " + schemaVersion + ", newer than the "
                    + RunJson.SCHEMA_VERSION + " this queuebench reads; read it with the queuebench that wrote it ("
                    + root.path("versions").path("harness").asText("see its versions.harness") + ")");
        }
        migrate(object);
        try {
            return JsonFiles.JSON.treeToValue(object, RunJson.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String detail = e instanceof JsonProcessingException processing ? processing.getOriginalMessage()
                    : e.getMessage();
            throw new RunDataException(file + ": " + detail, e);
        }
    }

    /** Older files said in prose what is now a code: {@code "arrivals_are": "controlled: …"}. */
    private static void migrate(ObjectNode root) {
        if (root.path("profile") instanceof ObjectNode profile && profile.has("arrivals_are")
                && !profile.has("arrivals_controlled")) {
            profile.put("arrivals_controlled", profile.path("arrivals_are").asText("").startsWith("controlled"));
        }
    }
}
