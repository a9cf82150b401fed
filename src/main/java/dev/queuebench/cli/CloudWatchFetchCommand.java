package dev.queuebench.cli;

import dev.queuebench.metrics.cloudwatch.AwsAccess;
import dev.queuebench.rundir.BadInputException;
import dev.queuebench.rundir.CloudWatchCsv;
import dev.queuebench.metrics.cloudwatch.CloudWatchFetcher;
import dev.queuebench.rundir.CloudWatchRow;
import dev.queuebench.metrics.cloudwatch.RunOverlap;
import dev.queuebench.rundir.CloudWatchSourceJson;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;

/** {@code queuebench cloudwatch fetch}: GetMetricData for every node of a replication group. */
@Command(name = "fetch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fetch the AWS/ElastiCache metrics of every node of a replication group from CloudWatch "
                + "(AWS SDK, default credential chain) into RUN_DIR/cloudwatch/, at the finest period kept "
                + "for the data's age (60 s up to 15 days old)."})
final class CloudWatchFetchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--replication-group", required = true, paramLabel = "ID", description = "ElastiCache replication group id.")
    String replicationGroup;

    @Option(names = "--from", required = true, paramLabel = "T", description = "Start, ISO-8601 with a zone, e.g. 2026-11-25T10:00:00Z.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "T", description = "End, ISO-8601 with a zone.")
    String to;

    @Option(names = "--region", paramLabel = "R", description = "AWS region. Default: AWS_REGION, the profile's region.")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Send both the ElastiCache and the CloudWatch calls here instead of AWS (a local stand-in).")
    URI endpointUrl;

    @Option(names = "--out", required = true, paramLabel = "RUN_DIR", description = "The run directory.")
    Path runDir;

    @Override
    public Integer call() throws Exception {
        RunDirectoryCheck.requireDirectory(spec, runDir, "--out");
        CloudWatchFetcher.Request request;
        try {
            CloudWatchSourceJson.replicationGroup(runDir).filter(group -> !group.equals(replicationGroup)).ifPresent(group -> {
                throw new IllegalArgumentException("--replication-group " + replicationGroup + " but this run's "
                        + "CloudWatch data is from " + group);
            });
            request = new CloudWatchFetcher.Request(replicationGroup, time(from, "--from"), time(to, "--to"),
                    AwsAccess.region(region), AwsAccess.checkedEndpointUrl(endpointUrl),
                    DefaultCredentialsProvider.builder().build());
        } catch (IllegalArgumentException | BadInputException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            List<CloudWatchRow> rows = CloudWatchFetcher.fetch(runDir, request);
            System.out.println("Fetched " + rows.size() + " datapoints of replication group " + replicationGroup
                    + " into " + CloudWatchCsv.file(runDir));
            RunOverlap.warning(runDir, rows).ifPresent(System.out::println);
            return QueuebenchCommand.EXIT_OK;
        } catch (BadInputException | SdkException e) {
            System.err.println("CloudWatch fetch failed: " + e.getMessage());
            return QueuebenchCommand.EXIT_FAILURE;
        }
    }

    private static Instant time(String text, String option) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "' must be ISO-8601 with a zone, e.g. "
                    + "2026-11-25T10:00:00Z");
        }
    }
}
