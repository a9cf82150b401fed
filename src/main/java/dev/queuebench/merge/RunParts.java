package dev.queuebench.merge;

import dev.queuebench.rundir.BadInputException;
import dev.queuebench.rundir.RunFiles;
import dev.queuebench.rundir.RunJson;
import dev.queuebench.rundir.RunJsonFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The parts of one multi-injector run, checked to belong together: the same run group, profile, scale,
 * common start, injector count, harness and Gatling versions, each index once. Which indexes are missing
 * is kept, not refused: the merged run says so and gives no verdict.
 */
public final class RunParts {
    /** One part: its directory and its {@code run.json}. */
    public record Part(Path dir, RunJson run) {
        int index() {
            return run.injector().index();
        }

        RunFiles files() {
            return new RunFiles(dir);
        }
    }

    private final List<Part> parts;
    private final List<Integer> missing;

    private RunParts(List<Part> parts, List<Integer> missing) {
        this.parts = parts;
        this.missing = missing;
    }

    /** @throws BadInputException naming the parts that do not belong together, or a directory that is no part */
    public static RunParts read(List<Path> dirs) {
        if (dirs.isEmpty()) {
            throw new BadInputException("give the parts to merge: the run directories of every injector of the run");
        }
        List<Part> parts = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isRegularFile(dir.resolve(RunFiles.RUN_JSON))) {
                throw new BadInputException(dir + " is not a run directory (no " + RunFiles.RUN_JSON + ")");
            }
            RunJson run = RunJsonFile.read(dir);
            if (run.injector().runGroup() == null) {
                throw new BadInputException(dir + " is not part of a multi-injector run: it was run without "
                        + "--run-group (run --injector-count N --run-group ID --start-at T)");
            }
            parts.add(new Part(dir, run));
        }
        Part first = parts.get(0);
        same(parts, "run group", part -> part.run().injector().runGroup());
        same(parts, "profile", part -> part.run().profile().name() + " at scale " + part.run().profile().scale());
        same(parts, "--start-at", part -> part.run().injector().startAtMs());
        same(parts, "injector count", part -> part.run().injector().count());
        same(parts, "harness version", part -> part.run().versions().harness() + " "
                + part.run().versions().harnessGitSha());
        List<Part> ranGatling = parts.stream().filter(part -> part.run().versions().gatling() != null).toList();
        same(ranGatling, "Gatling version", part -> part.run().versions().gatling());
        Map<Integer, Part> byIndex = new TreeMap<>();
        for (Part part : parts) {
            Part other = byIndex.putIfAbsent(part.index(), part);
            if (other != null) {
                throw new BadInputException("two parts are injector " + part.index() + ": " + other.dir() + " and "
                        + part.dir() + "; give each injector's part once");
            }
        }
        int count = first.run().injector().count();
        List<Integer> missing = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            if (!byIndex.containsKey(index)) {
                missing.add(index);
            }
        }
        for (int index : byIndex.keySet()) {
            if (index >= count) {
                throw new BadInputException("part " + byIndex.get(index).dir() + " is injector " + index + " of "
                        + count + ": an index out of range");
            }
        }
        List<Part> sorted = new ArrayList<>(parts);
        sorted.sort(Comparator.comparingInt(Part::index));
        return new RunParts(List.copyOf(sorted), List.copyOf(missing));
    }

    private static void same(List<Part> parts, String what, Function<Part, Object> value) {
        if (parts.isEmpty()) {
            return;
        }
        Object expected = value.apply(parts.get(0));
        for (Part part : parts) {
            if (!Objects.equals(expected, value.apply(part))) {
                throw new BadInputException("the parts are not of one run: " + parts.get(0).dir() + " has " + what
                        + " " + expected + ", " + part.dir() + " has " + value.apply(part)
                        + "; merge only the parts of one run group");
            }
        }
    }

    /** The parts present, by injector index. */
    public List<Part> parts() {
        return parts;
    }

    /** The injector indexes of the run with no part given. */
    public List<Integer> missing() {
        return missing;
    }

    public int injectorCount() {
        return parts.get(0).run().injector().count();
    }

    public String runGroup() {
        return parts.get(0).run().injector().runGroup();
    }

    /** The part that sampled the Redis (injector 0), or null when it is missing. */
    public Part sampler() {
        return parts.get(0).index() == 0 ? parts.get(0) : null;
    }
}
