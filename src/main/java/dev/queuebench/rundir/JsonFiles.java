package dev.queuebench.rundir;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes the JSON files of a run directory: whole files only, errors naming the file and line. */
public final class JsonFiles {
    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFiles() {
    }

    /** Writes to a temporary file, then moves it in place: readers never see half a file. */
    public static void writeAtomically(Path file, JsonNode content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(temporary.toFile(), content);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Parses one JSON document.
     *
     * @throws BadInputException naming the file, the line and what is wrong (truncated, malformed, missing)
     */
    public static JsonNode read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage());
        }
        if (text.isBlank()) {
            throw new BadInputException(file + ": is empty, expected a JSON document");
        }
        try {
            return JSON.readTree(text);
        } catch (JsonParseException e) {
            String what = e.getOriginalMessage().contains("end-of-input")
                    ? "truncated JSON (the document ends before it is closed)" : "malformed JSON: " + e.getOriginalMessage();
            throw new BadInputException(file + " line " + e.getLocation().getLineNr() + ": " + what);
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + " line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        }
    }
}
