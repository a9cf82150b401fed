package dev.queuebench.rundir;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one configured JSON mapper of queuebench's files, and the reading and writing of whole JSON
 * files: errors name the file and line, writes are atomic ({@link AtomicFiles}).
 *
 * <p>Conventions of every JSON file queuebench writes: snake_case names with the unit in them
 * ({@code start_epoch_sec}, {@code p99_micros}); a number that has no value (NaN, infinite) is
 * {@code null}, and {@code null} reads back as NaN into a {@code double} (a {@code Double} stays null); fields a reader does not know are ignored, so an
 * older harness reads a newer file of the same schema version.
 */
public final class JsonFiles {
    public static final ObjectMapper JSON = configured();

    private JsonFiles() {
    }

    private static ObjectMapper configured() {
        SimpleModule numbers = new SimpleModule("queuebench-numbers");
        JsonSerializer<Double> nanAsNull = new JsonSerializer<>() {
            @Override
            public void serialize(Double value, JsonGenerator out, SerializerProvider provider) throws IOException {
                if (value == null || value.isNaN() || value.isInfinite()) {
                    out.writeNull();
                } else {
                    out.writeNumber(value);
                }
            }
        };
        numbers.addSerializer(Double.class, nanAsNull);
        numbers.addSerializer(Double.TYPE, nanAsNull);
        JsonDeserializer<Double> nullAsNan = new JsonDeserializer<>() {
            @Override
            public Double deserialize(JsonParser in, DeserializationContext context) throws IOException {
                return in.getValueAsDouble();
            }

            @Override
            public Double getNullValue(DeserializationContext context) {
                return Double.NaN;
            }
        };
        numbers.addDeserializer(Double.TYPE, nullAsNan);
        return new ObjectMapper()
                .registerModule(numbers)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Writes to a temporary file, then moves it in place: readers never see half a file. */
    public static void writeAtomically(Path file, Object content) throws IOException {
        AtomicFiles.write(file, out -> JSON.writeValue(out, content));
    }

    /**
     * Parses one JSON document.
     *
     * @throws BadInputException naming the file, the line and what is wrong (truncated, malformed, missing)
     */
    public static JsonNode read(Path file) {
        return read(file, Long.MAX_VALUE);
    }

    /**
     * As {@link #read(Path)}, refusing without reading it a file larger than such a file can be (a wrong or
     * hostile file of gigabytes would otherwise be read whole into memory).
     */
    public static JsonNode read(Path file, long maxBytes) {
        String text;
        try {
            long sizeBytes = Files.size(file);
            if (sizeBytes > maxBytes) {
                throw new BadInputException(file + ": " + sizeBytes + " bytes, more than the " + maxBytes
                        + " such a file can be: is it the right file?");
            }
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
            // A limit of the parser (nesting, a number's or a string's length) comes without a location.
            throw new BadInputException(file + (e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr())
                    + ": " + e.getOriginalMessage());
        }
    }

    /** Reads one JSON document as {@code type}; a field of the wrong type is an error naming the file and line. */
    public static <T> T read(Path file, Class<T> type) {
        return convert(file, read(file), type);
    }

    /** {@code tree}, read from {@code file}, as {@code type}; a field of the wrong type is an error naming the file. */
    public static <T> T convert(Path file, JsonNode tree, Class<T> type) {
        try {
            return JSON.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + (e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr()) + ": " + e.getOriginalMessage());
        }
    }
}
