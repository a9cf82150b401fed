package dev.queuebench.rundir;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of one run directory (DESIGN.md, "The run directory"), by name. The reporter, the
 * planner, compare and gate read a run through these paths and nothing else.
 */
public record RunFiles(Path dir) {
    public static final String RUN_JSON = "run.json";
    public static final String LATENCY_LOG = "latency.hlog";
    public static final String REQUESTS_CSV = "requests.csv";
    public static final String SERVER_CSV = "server.csv";
    public static final String SERVER_INFO = "server-info.json";
    public static final String ALARMS_JSON = "alarms.json";
    public static final String CLOUDWATCH_CSV = "cloudwatch/metrics.csv";
    public static final String CLOUDWATCH_SOURCE = "cloudwatch/source.json";
    /** What every virtual user saw, appended as the run goes ({@link JourneyLogReader}). */
    public static final String JOURNEYS = "journeys.bin.gz";
    /** A merged run's journeys, one log per part: {@code journeys-part<index>.bin.gz}. */
    public static final String JOURNEYS_PART_PREFIX = "journeys-part";
    /** The queue as Redis held it when the run ended ({@link QueueEndFile}). */
    public static final String QUEUE_END = "queue-end.bin.gz";
    /** The run's timeline: marks, drills, node events ({@link EventsCsv}). */
    public static final String EVENTS_CSV = "events.csv";
    /** The arrival control's schedule, second by second ({@link ArrivalsCsv}). */
    public static final String ARRIVALS_CSV = "arrivals.csv";
    public static final String GATLING_DIR = "gatling";
    public static final String SUMMARY_JSON = "summary.json";
    public static final String REPORT_MD = "report.md";
    public static final String REPORT_HTML = "report.html";

    /**
     * The run directory at {@code dir}, checked to hold at least {@code run.json}.
     *
     * @throws RunDataException naming the directory and the command that makes a run
     */
    public static RunFiles open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RunDataException(dir + " is not a directory; give a run directory such as "
                    + "results/runs/<run-id> (make one with: java -jar target/queuebench.jar run --profile smoke)");
        }
        if (!Files.isRegularFile(dir.resolve(RUN_JSON))) {
            throw new RunDataException(dir + " has no " + RUN_JSON + ", so it is not a run directory "
                    + "(make one with: java -jar target/queuebench.jar run --profile smoke)");
        }
        return new RunFiles(dir);
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    public boolean has(String name) {
        return Files.isRegularFile(dir.resolve(name));
    }

    /** The name of part {@code index}'s journeys in a merged run. */
    public static String journeysOfPart(int index) {
        return JOURNEYS_PART_PREFIX + index + ".bin.gz";
    }

    /** Every journey log of the run: {@code journeys.bin.gz}, or a merged run's one per part, by part index. */
    public List<Path> journeyLogs() {
        List<Path> logs = new ArrayList<>();
        if (has(JOURNEYS)) {
            logs.add(file(JOURNEYS));
        }
        Pattern part = Pattern.compile(
                Pattern.quote(JOURNEYS_PART_PREFIX) + "(\\d{1,4})\\.bin\\.gz");
        TreeMap<Integer, Path> parts = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(file -> {
                    Matcher name = part.matcher(file.getFileName().toString());
                    if (name.matches() && Files.isRegularFile(file)) {
                        parts.put(Integer.parseInt(name.group(1)), file);
                    }
                });
            } catch (IOException e) {
                throw new RunDataException("cannot list " + dir + ": " + e.getMessage(), e);
            }
        }
        logs.addAll(parts.values());
        return List.copyOf(logs);
    }
}
