package dev.queuebench.merge;

import dev.queuebench.rundir.BadInputException;
import dev.queuebench.rundir.EventsCsv;
import dev.queuebench.rundir.LatencyHlog;
import dev.queuebench.rundir.RunFiles;
import dev.queuebench.rundir.RunJson;
import dev.queuebench.rundir.RunJsonFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Merges the parts of one multi-injector run into one run directory that every other verb reads as a
 * single injector's: {@code latency.hlog} and {@code requests.csv} summed exactly, {@code run.json} with the
 * parts and the run's outcome, the sampler's files from injector 0 (the only one that samples), every
 * part's journeys ({@code journeys-part<i>.bin.gz}, audited as one run), the timelines joined, and each
 * part's Gatling report under {@code parts/<i>/gatling/} with its arrival control's {@code arrivals.csv}.
 */
public final class RunMerge {
    /** Files only the sampling injector (0) has, copied as they are. */
    private static final List<String> SAMPLER_FILES = List.of(RunFiles.SERVER_CSV, RunFiles.SERVER_INFO,
            RunFiles.QUEUE_END, RunFiles.CLOUDWATCH_CSV, RunFiles.CLOUDWATCH_SOURCE);

    private RunMerge() {
    }

    /**
     * @param out a directory that does not exist yet (or is empty); its name becomes the run's id
     * @return the merged run's record
     * @throws BadInputException when the parts are not of one run, or {@code out} holds something
     */
    public static RunJson merge(List<Path> partDirs, Path out) throws IOException {
        RunParts parts = RunParts.read(partDirs);
        prepare(out);
        List<RunFiles> files = parts.parts().stream().map(RunParts.Part::files).toList();
        long startMillis = startMillis(parts);
        LatencyMerge.write(files, out, startMillis, "queuebench merge of run group " + parts.runGroup() + ": "
                + parts.parts().size() + " of " + parts.injectorCount() + " parts");
        Map<Integer, Long> lastSeconds = RequestsMerge.write(files, out);
        RunParts.Part sampler = parts.sampler();
        if (sampler != null) {
            for (String name : SAMPLER_FILES) {
                copyIfPresent(sampler.dir().resolve(name), out.resolve(name));
            }
            copyIfPresent(sampler.dir().resolve(RunFiles.ALARMS_JSON), out.resolve(RunFiles.ALARMS_JSON));
        }
        for (RunParts.Part part : parts.parts()) {
            copyIfPresent(part.dir().resolve(RunFiles.JOURNEYS), out.resolve(RunFiles.journeysOfPart(part.index())));
            Path partOut = out.resolve("parts").resolve(Integer.toString(part.index()));
            copyTree(part.dir().resolve(RunFiles.GATLING_DIR), partOut.resolve(RunFiles.GATLING_DIR));
            copyIfPresent(part.dir().resolve(RunFiles.ARRIVALS_CSV), partOut.resolve(RunFiles.ARRIVALS_CSV));
        }
        joinTimelines(parts, new RunFiles(out));
        RunJson merged = MergedRunJson.of(out.getFileName().toString(), parts, lastSeconds);
        RunJsonFile.write(out, merged);
        return merged;
    }

    private static void prepare(Path out) throws IOException {
        requireFree(out);
        Files.createDirectories(out);
    }

    /**
     * Refuses an {@code out} that holds something, before any work: merge writes into a new directory only.
     *
     * @throws BadInputException when it exists and is not empty
     */
    public static void requireFree(Path out) throws IOException {
        if (Files.exists(out)) {
            try (Stream<Path> inside = Files.list(out)) {
                if (inside.findAny().isPresent()) {
                    throw new BadInputException(out + " exists and is not empty: give --out a new directory");
                }
            }
        }
    }

    /** The earliest Gatling start of the parts (they share --start-at, so within a second of each other). */
    private static long startMillis(RunParts parts) {
        double earliestSec = Double.NaN;
        for (RunParts.Part part : parts.parts()) {
            double sec = LatencyHlog.startTimeSec(part.files());
            if (!Double.isNaN(sec) && (Double.isNaN(earliestSec) || sec < earliestSec)) {
                earliestSec = sec;
            }
        }
        return Double.isNaN(earliestSec) ? parts.parts().get(0).run().startMs() : Math.round(earliestSec * 1000);
    }

    private static void joinTimelines(RunParts parts, RunFiles out) throws IOException {
        List<EventsCsv.Event> events = new ArrayList<>();
        for (RunParts.Part part : parts.parts()) {
            if (part.files().has(RunFiles.EVENTS_CSV)) {
                events.addAll(EventsCsv.read(part.files()).events());
            }
        }
        events.sort(Comparator.comparingLong(EventsCsv.Event::epochMs));
        EventsCsv.create(out);
        EventsCsv.appendNew(out, events);
    }

    private static void copyIfPresent(Path from, Path to) throws IOException {
        if (Files.isRegularFile(from)) {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                copyIfPresent(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }
}
