package dev.queuebench.cli;

import dev.queuebench.metrics.cloudwatch.AwsAccess;
import dev.queuebench.metrics.cloudwatch.ElastiCacheEventsFetcher;
import dev.queuebench.metrics.cloudwatch.ElastiCacheTimeline;
import dev.queuebench.metrics.cloudwatch.RunSpan;
import dev.queuebench.rundir.BadInputException;
import dev.queuebench.rundir.RunFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;

/** {@code queuebench events fetch RUN_DIR --replication-group ID}: DescribeEvents for the run's minutes. */
@Command(name = "fetch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fetch the ElastiCache events of a replication group and of its nodes during a run "
                + "(DescribeEvents through the AWS SDK, default credential chain; the run's start and end from "
                + "run.json) onto its timeline (RUN_DIR/events.csv): each once, all or none.",
            "ElastiCache keeps events 14 days. IAM: elasticache:DescribeReplicationGroups, elasticache:DescribeEvents."})
final class EventsFetchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run directory, e.g. results/runs/<run-id>.")
    Path runDir;

    @Option(names = "--replication-group", required = true, paramLabel = "ID", description = "ElastiCache replication group id.")
    String replicationGroup;

    @Option(names = "--region", paramLabel = "R", description = "AWS region. Default: AWS_REGION, the profile's region.")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Send the ElastiCache calls here instead of AWS (a local stand-in).")
    URI endpointUrl;

    @Override
    public Integer call() {
        RunFiles run = RunDirectoryCheck.requireRun(spec, runDir);
        AwsAccess aws;
        try {
            aws = new AwsAccess(AwsAccess.region(region), endpointUrl, DefaultCredentialsProvider.builder().build());
        } catch (BadInputException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            RunSpan span = RunSpan.of(run);
            Instant from = span.fetchFrom();
            Instant to = span.fetchTo(System.currentTimeMillis());
            ElastiCacheEventsFetcher.Fetched fetched = ElastiCacheEventsFetcher.fetch(aws, replicationGroup, from, to);
            System.out.println("Fetched " + fetched.events().size() + " events of replication group " + replicationGroup
                    + " and its nodes " + String.join(", ", fetched.memberClusters()) + " (" + from + " to " + to + ")");
            System.out.println(ElastiCacheTimeline.append(run, fetched.events()).describe(run));
            long ageDays = Duration.ofMillis(System.currentTimeMillis() - span.startMs()).toDays();
            if (ageDays >= ElastiCacheEventsFetcher.RETENTION_DAYS) {
                System.out.println("Note: the run started " + ageDays + " days ago and ElastiCache keeps events "
                        + ElastiCacheEventsFetcher.RETENTION_DAYS + " days: the older ones are gone");
            }
            return QueuebenchCommand.EXIT_OK;
        } catch (BadInputException | SdkException e) {
            System.err.println("Nothing fetched: " + e.getMessage());
            return QueuebenchCommand.EXIT_FAILURE;
        } catch (IOException e) {
            System.err.println("Nothing fetched: cannot write " + run.file(RunFiles.EVENTS_CSV) + ": " + e.getMessage());
            return QueuebenchCommand.EXIT_FAILURE;
        }
    }
}
