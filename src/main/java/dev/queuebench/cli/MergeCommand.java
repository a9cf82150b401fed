package dev.queuebench.cli;

import dev.queuebench.merge.RunMerge;
import dev.queuebench.report.RunReport;
import dev.queuebench.rundir.BadInputException;
import dev.queuebench.rundir.RunFiles;
import dev.queuebench.rundir.RunJson;
import dev.queuebench.s3.RunGroupDownload;
import dev.queuebench.s3.S3Connection;
import dev.queuebench.s3.S3Location;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code queuebench merge PART… | s3://bucket/prefix/<run-group> --out RUN_DIR}: one run from the parts of a multi-injector run. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merge the run directories of every injector of one run (run --injector-count N --run-group ID "
                + "--start-at T) into one run directory that report, compare, gate and plan read like any run: "
                + "latency.hlog and requests.csv summed exactly, server.csv from injector 0, every part's journeys, "
                + "run.json naming each part and how it ended. Then its report.",
            "The parts may come from S3, where run --upload s3://BUCKET/PREFIX put them: give the run group's "
                + "location, s3://BUCKET/PREFIX/<run-group>; its part-<n>/ folders are downloaded into a temporary "
                + "directory, merged, and deleted (AWS SDK, default credential chain).",
            "  queuebench merge parts/0 parts/1 parts/2 --out results/runs/20261203T100000Z-r7g-30k",
            "  queuebench merge s3://qb-results/runs/r7g-30k --out results/runs/20261203T100000Z-r7g-30k"})
final class MergeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PART",
            description = "Each injector's run directory, or one s3://BUCKET/PREFIX/<run-group> that holds them all.")
    List<String> parts;

    @Option(names = "--out", required = true, paramLabel = "RUN_DIR",
            description = "The merged run directory: new, or empty; its name becomes the run's id.")
    Path out;

    @Mixin
    AwsOptions aws;

    @Override
    public Integer call() {
        S3Location group = s3Group();
        RunJson merged;
        try {
            merged = group == null ? RunMerge.merge(parts.stream().map(Path::of).toList(), out) : mergeFromS3(group);
        } catch (BadInputException e) {
            System.err.println("Cannot merge: " + e.getMessage());
            return QueuebenchCommand.EXIT_FAILURE;
        } catch (IOException | RuntimeException e) {
            System.err.println("Merging into " + out + " failed: " + e.getMessage());
            return QueuebenchCommand.EXIT_FAILURE;
        }
        System.out.println("Merged " + merged.partsOrNone().size() + " of " + merged.injector().count()
                + " parts of run group " + merged.injector().runGroup() + " into " + out);
        System.out.println("Outcome: " + merged.outcome().code() + (merged.reasonOrEmpty().isEmpty() ? ""
                : " (" + merged.reasonOrEmpty() + ")"));
        try {
            RunReport.write(out);
            System.out.println("Report: " + out.resolve(RunFiles.REPORT_HTML).toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            System.err.println("The merged run is written, but its report failed: " + e.getMessage()
                    + "; `queuebench report " + out + "` tries again");
            return QueuebenchCommand.EXIT_FAILURE;
        }
        return merged.outcome() == dev.queuebench.rundir.RunOutcome.COMPLETED ? QueuebenchCommand.EXIT_OK
                : QueuebenchCommand.EXIT_FAILURE;
    }

    /** The run group's location in S3, or null for local parts; a usage error for a mix or a bad location. */
    private S3Location s3Group() {
        boolean anyS3 = parts.stream().anyMatch(S3Location::isS3);
        try {
            if (!anyS3) {
                if (aws.given()) {
                    throw new BadInputException("--aws-region and --aws-endpoint-url go with an s3:// location");
                }
                return null;
            }
            if (parts.size() > 1) {
                throw new BadInputException("give one s3://BUCKET/PREFIX/<run-group>, which holds every part, or the "
                        + "parts' local directories, not both nor two locations: " + String.join(" ", parts));
            }
            S3Location group = S3Location.parse(parts.get(0));
            aws.check();
            return group;
        } catch (BadInputException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * Lists the parts (checking each was uploaded whole), downloads them into a temporary directory, merges
     * them there and deletes the copies; every check on S3 comes before --out is created.
     */
    private RunJson mergeFromS3(S3Location group) throws IOException {
        RunMerge.requireFree(out);
        try (S3Connection s3 = S3Connection.open(aws.access());
                RunGroupDownload download = RunGroupDownload.list(s3, group)) {
            System.out.printf(Locale.ROOT, "Downloading %d part%s (injector %s, %.1f MB) from %s%n",
                    download.partCount(), download.partCount() == 1 ? "" : "s",
                    download.indexes().toString().replaceAll("[\\[\\]]", ""), download.bytes() / 1e6, group);
            List<Path> dirs = download.download();
            try {
                return RunMerge.merge(dirs, out);
            } catch (BadInputException e) {
                // The parts' messages name their directories: here, temporary copies of the S3 folders.
                throw new BadInputException(download.inS3Terms(e.getMessage()), e);
            }
        }
    }
}
