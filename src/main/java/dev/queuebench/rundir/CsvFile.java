package dev.queuebench.rundir;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one reader of the run directory's CSV files ({@code requests.csv}, {@code server.csv},
 * {@code cloudwatch/metrics.csv}); each file's codec gives its header and field count.
 *
 * <p>Format: UTF-8, {@code \n} line ends, an exact header line, then rows of exactly that many
 * comma-separated fields (no quoting: no field ever holds a comma); blank lines are skipped.
 *
 * <p>A bad row is an error naming the file and line. A bad <em>last</em> row is left out: a run or
 * a sampler killed mid-write leaves half a line, and the whole rows before it stand. Every reader
 * treats it the same way, and the {@link Result} says so once, so the reports can.
 * A missing or empty file has no rows.
 */
public final class CsvFile {
    /** Takes one row; a NumberFormatException or IndexOutOfBoundsException marks a value that is not what belongs. */
    public interface Row {
        void accept(String[] fields);
    }

    /**
     * What a read found.
     *
     * @param rows              rows handed to the caller
     * @param lastLineLeftOut   the last line was incomplete (a writer killed mid-line) and was left out
     */
    public record Result(Path file, long rows, boolean lastLineLeftOut) {
        static Result none(Path file) {
            return new Result(file, 0, false);
        }
    }

    private CsvFile() {
    }

    public static Result read(Path file, String header, int fieldCount, Row row) {
        if (!Files.isRegularFile(file)) {
            return Result.none(file);
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            if (first == null) {
                return Result.none(file);
            }
            if (!first.equals(header)) {
                throw new RunDataException(file + " line 1: expected the header '" + header + "', found '" + first + "'");
            }
            String line;
            int lineNumber = 1;
            long rows = 0;
            String previous = null;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (previous != null) {
                    rows += parse(file, lineNumber - 1, previous, fieldCount, header, row);
                }
                previous = line;
            }
            boolean leftOut = false;
            if (previous != null) {
                try {
                    rows += parse(file, lineNumber, previous, fieldCount, header, row);
                } catch (RunDataException truncatedLastLine) {
                    // A writer killed mid-line leaves half a row; the whole rows before it stand.
                    leftOut = true;
                }
            }
            return new Result(file, rows, leftOut);
        } catch (IOException e) {
            throw new RunDataException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static int parse(Path file, int lineNumber, String line, int fieldCount, String header, Row row) {
        if (line.isBlank()) {
            return 0;
        }
        String[] fields = line.split(",", -1);
        if (fields.length != fieldCount) {
            throw new RunDataException(file + " line " + lineNumber + ": expected " + fieldCount + " fields (" + header
                    + "), found " + fields.length + ": '" + line + "'");
        }
        try {
            row.accept(fields);
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new RunDataException(file + " line " + lineNumber + ": not a number where one belongs: '" + line + "'");
        }
        return 1;
    }
}
