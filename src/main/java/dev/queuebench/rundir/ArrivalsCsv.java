package dev.queuebench.rundir;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code arrivals.csv}: what the simulation's arrival control decided for each second of the plan,
 * written by the injector as it decides (about a second before the second begins), so the run can tell
 * users it scheduled from users the injector started, and a reader can see why the request rate went
 * where it did:
 *
 * <pre>
 * offset_sec,scheduled_journeys,planned_rps,requests_per_journey,mean_request_delay_sec,correction
 * 0,18,50.000,2.872,2.150,1.000
 * </pre>
 *
 * {@code offset_sec} counts from the plan's start (Gatling's run start); {@code planned_rps} is the
 * request rate the arrivals were planned for (the plan's rate a request delay ahead);
 * {@code requests_per_journey} and {@code mean_request_delay_sec} are the control's estimates at that
 * moment, {@code correction} the factor its feedback on the requests sent applied. One line per write, so a reader sees whole lines but perhaps the last; {@link CsvFile}'s rules.
 */
public final class ArrivalsCsv {
    public static final String HEADER =
            "offset_sec,scheduled_journeys,planned_rps,requests_per_journey,mean_request_delay_sec,correction";
    private static final int FIELDS = 6;

    /** One second's decision. */
    public record Second(int offsetSec, long scheduledJourneys, double plannedRps, double requestsPerJourney,
            double meanRequestDelaySec, double correction) {
    }

    private ArrivalsCsv() {
    }

    /** The line (with its line end) that records one second. */
    public static String line(Second second) {
        return String.format(Locale.ROOT, "%d,%d,%.3f,%.3f,%.3f,%.4f%n", second.offsetSec(),
                second.scheduledJourneys(), second.plannedRps(), second.requestsPerJourney(),
                second.meanRequestDelaySec(), second.correction());
    }

    /** The seconds recorded, by offset; empty when the file is missing (a run from before the file existed). */
    public static SortedMap<Integer, Second> read(Path file) {
        SortedMap<Integer, Second> seconds = new TreeMap<>();
        CsvFile.read(file, HEADER, FIELDS, fields -> {
            Second second = new Second(Integer.parseInt(fields[0]), Long.parseLong(fields[1]),
                    Double.parseDouble(fields[2]), Double.parseDouble(fields[3]), Double.parseDouble(fields[4]),
                    Double.parseDouble(fields[5]));
            seconds.put(second.offsetSec(), second);
        });
        return Collections.unmodifiableSortedMap(seconds);
    }
}
