package dev.queuebench.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code requests.csv}: header {@code epoch_sec,request,ok,ko,ko_causes}, one row per second (the
 * second a request started) and request name; {@code ko_causes} is {@code cause=count} pairs joined
 * by {@code ;} (empty without KOs). A malformed line is an error naming the file and line; a
 * truncated last line (a run killed mid-write) is skipped.
 */
public final class RequestLog {
    static final String HEADER = "epoch_sec,request,ok,ko,ko_causes";

    private final NavigableMap<Long, List<RequestSecond>> bySecond;
    private final List<String> requestNames;

    private RequestLog(NavigableMap<Long, List<RequestSecond>> bySecond, List<String> requestNames) {
        this.bySecond = bySecond;
        this.requestNames = requestNames;
    }

    public static RequestLog read(Path file) {
        NavigableMap<Long, List<RequestSecond>> bySecond = new TreeMap<>();
        TreeSet<String> names = new TreeSet<>();
        if (!Files.isRegularFile(file)) {
            return new RequestLog(bySecond, List.of());
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                return new RequestLog(bySecond, List.of());
            }
            if (!header.equals(HEADER)) {
                throw new RunDataException(file + " line 1: expected the header '" + HEADER + "', found '" + header + "'");
            }
            String line;
            int lineNumber = 1;
            String pending = null;
            int pendingLine = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (pending != null) {
                    add(bySecond, names, parse(file, pendingLine, pending));
                }
                pending = line;
                pendingLine = lineNumber;
            }
            if (pending != null) {
                try {
                    add(bySecond, names, parse(file, pendingLine, pending));
                } catch (RunDataException truncatedLastLine) {
                    // A run killed mid-write leaves half a line at the end; the whole seconds before it stand.
                }
            }
        } catch (IOException e) {
            throw new RunDataException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new RequestLog(bySecond, List.copyOf(names));
    }

    private static void add(Map<Long, List<RequestSecond>> bySecond, TreeSet<String> names, RequestSecond row) {
        if (row == null) {
            return;
        }
        bySecond.computeIfAbsent(row.epochSec(), s -> new ArrayList<>()).add(row);
        names.add(row.request());
    }

    private static RequestSecond parse(Path file, int lineNumber, String line) {
        if (line.isBlank()) {
            return null;
        }
        String[] fields = line.split(",", -1);
        if (fields.length != 5) {
            throw new RunDataException(file + " line " + lineNumber + ": expected 5 fields (" + HEADER + "), found "
                    + fields.length + ": '" + line + "'");
        }
        try {
            Map<String, Long> causes = new LinkedHashMap<>();
            if (!fields[4].isEmpty()) {
                for (String pair : fields[4].split(";")) {
                    int eq = pair.lastIndexOf('=');
                    causes.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
                }
            }
            return new RequestSecond(Long.parseLong(fields[0]), fields[1], Long.parseLong(fields[2]),
                    Long.parseLong(fields[3]), Collections.unmodifiableMap(causes));
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new RunDataException(file + " line " + lineNumber + ": not a number where one belongs: '" + line + "'");
        }
    }

    public NavigableMap<Long, List<RequestSecond>> bySecond() {
        return bySecond;
    }

    public List<String> requestNames() {
        return requestNames;
    }

    public boolean isEmpty() {
        return bySecond.isEmpty();
    }

    /** All requests started in {@code epochSec}, every name. */
    public long totalAt(long epochSec) {
        long total = 0;
        for (RequestSecond row : bySecond.getOrDefault(epochSec, List.of())) {
            total += row.total();
        }
        return total;
    }

    /** Requests of {@code name} started in {@code epochSec}. */
    public long countAt(long epochSec, String name) {
        for (RequestSecond row : bySecond.getOrDefault(epochSec, List.of())) {
            if (row.request().equals(name)) {
                return row.total();
            }
        }
        return 0;
    }

    /** Successful requests of {@code name} started in {@code epochSec}. */
    public long okAt(long epochSec, String name) {
        for (RequestSecond row : bySecond.getOrDefault(epochSec, List.of())) {
            if (row.request().equals(name)) {
                return row.ok();
            }
        }
        return 0;
    }
}
