package dev.queuebench.analysis;

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
        CsvRows.read(file, HEADER, 5, fields -> {
            RequestSecond row = parse(fields);
            bySecond.computeIfAbsent(row.epochSec(), s -> new ArrayList<>()).add(row);
            names.add(row.request());
        });
        return new RequestLog(bySecond, List.copyOf(names));
    }

    private static RequestSecond parse(String[] fields) {
        Map<String, Long> causes = new LinkedHashMap<>();
        if (!fields[4].isEmpty()) {
            for (String pair : fields[4].split(";")) {
                int eq = pair.lastIndexOf('=');
                causes.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
            }
        }
        return new RequestSecond(Long.parseLong(fields[0]), fields[1], Long.parseLong(fields[2]),
                Long.parseLong(fields[3]), Collections.unmodifiableMap(causes));
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
