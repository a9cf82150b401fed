package dev.queuebench.metrics;

import dev.queuebench.rundir.BadInputException;

import dev.queuebench.metrics.sampler.ServerCsvWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code server.csv} (format: {@link ServerCsvWriter}). A last line cut short by a crash is left
 * out; any other bad line is an error naming the file and line.
 */
public final class ServerCsvReader {
    private ServerCsvReader() {
    }

    public static List<MetricRow> read(Path file) throws IOException {
        List<MetricRow> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                return rows;
            }
            if (!header.equals(ServerCsvWriter.HEADER)) {
                throw new BadInputException(file + " line 1: header is '" + header + "', expected '"
                        + ServerCsvWriter.HEADER + "'");
            }
            String line = in.readLine();
            int lineNumber = 1;
            while (line != null) {
                lineNumber++;
                String next = in.readLine();
                try {
                    rows.add(parse(line));
                } catch (RuntimeException e) {
                    if (next != null) {
                        throw new BadInputException(file + " line " + lineNumber + ": '" + line
                                + "' is not epoch_sec,node,metric,value (" + e.getMessage() + ")");
                    }
                    // The writer died mid-line: the rows before it stand.
                }
                line = next;
            }
        }
        return rows;
    }

    private static MetricRow parse(String line) {
        String[] fields = line.split(",", -1);
        if (fields.length != 4) {
            throw new IllegalArgumentException(fields.length + " fields");
        }
        return new MetricRow(Long.parseLong(fields[0]), fields[1], fields[2], Double.parseDouble(fields[3]));
    }
}
