package dev.queuebench.analysis;

import dev.queuebench.rundir.RunDataException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the run directory's CSV files ({@code requests.csv}, {@code server.csv},
 * {@code cloudwatch/metrics.csv}): an exact header, then rows of a fixed number of comma-separated
 * fields; blank lines are skipped. A bad row is an error naming the file and line; a bad last row
 * is left out, as a run or a sampler killed mid-write leaves half a line and the rows before it stand.
 * A missing file has no rows.
 */
final class CsvRows {
    /** Takes one row; a NumberFormatException or IndexOutOfBoundsException marks a value that is not what belongs. */
    interface Row {
        void accept(String[] fields);
    }

    private CsvRows() {
    }

    static void read(Path file, String header, int fieldCount, Row row) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            if (first == null) {
                return;
            }
            if (!first.equals(header)) {
                throw new RunDataException(file + " line 1: expected the header '" + header + "', found '" + first + "'");
            }
            String line;
            int lineNumber = 1;
            String previous = null;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (previous != null) {
                    parse(file, lineNumber - 1, previous, fieldCount, header, row);
                }
                previous = line;
            }
            if (previous != null) {
                try {
                    parse(file, lineNumber, previous, fieldCount, header, row);
                } catch (RunDataException truncatedLastLine) {
                    // A writer killed mid-line leaves half a row; the whole rows before it stand.
                }
            }
        } catch (IOException e) {
            throw new RunDataException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void parse(Path file, int lineNumber, String line, int fieldCount, String header, Row row) {
        if (line.isBlank()) {
            return;
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
    }
}
