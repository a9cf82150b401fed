package dev.queuebench.analysis;

import dev.queuebench.rundir.CsvFile;
import dev.queuebench.rundir.RequestSecond;
import dev.queuebench.rundir.RequestsCsv;
import dev.queuebench.rundir.RunFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The requests of a run by second and name, from {@code requests.csv} (format and reader:
 * {@link RequestsCsv}).
 */
public final class RequestLog {
    private final NavigableMap<Long, List<RequestSecond>> bySecond;
    private final List<String> requestNames;
    private final CsvFile.Result read;

    private RequestLog(NavigableMap<Long, List<RequestSecond>> bySecond, List<String> requestNames,
            CsvFile.Result read) {
        this.bySecond = bySecond;
        this.requestNames = requestNames;
        this.read = read;
    }

    public static RequestLog read(RunFiles files) {
        NavigableMap<Long, List<RequestSecond>> bySecond = new TreeMap<>();
        TreeSet<String> names = new TreeSet<>();
        RequestsCsv.Rows rows = RequestsCsv.read(files);
        for (RequestSecond row : rows.rows()) {
            bySecond.computeIfAbsent(row.epochSec(), s -> new ArrayList<>()).add(row);
            names.add(row.request());
        }
        return new RequestLog(bySecond, List.copyOf(names), rows.read());
    }

    /** What reading {@code requests.csv} left out (a half-written last line). */
    public CsvFile.Result read() {
        return read;
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
