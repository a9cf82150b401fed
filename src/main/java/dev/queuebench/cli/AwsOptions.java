package dev.queuebench.cli;

import dev.queuebench.metrics.cloudwatch.AwsAccess;
import java.net.URI;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Where AWS is, for the verbs that reach it beside their own work (run's elasticache-failover drill and
 * --upload, merge of s3:// parts). Credentials are never an option: they come from the SDK's default
 * chain (environment, profile, the pod's role with IRSA), so they reach no command line, file or log.
 */
final class AwsOptions {
    static final String REGION_OPTION = "--aws-region";
    static final String ENDPOINT_OPTION = "--aws-endpoint-url";

    @Option(names = REGION_OPTION, paramLabel = "R",
            description = "AWS region of the calls to AWS (S3, ElastiCache). Default: AWS_REGION, the profile's region.")
    String region;

    @Option(names = ENDPOINT_OPTION, paramLabel = "URL",
            description = "Send the calls to AWS here instead: a local stand-in, or an S3-compatible server "
                    + "(addressed path-style, http://host:port/bucket/key).")
    URI endpointUrl;

    boolean given() {
        return region != null || endpointUrl != null;
    }

    /** @throws dev.queuebench.rundir.BadInputException when neither the option nor the default chain gives one */
    Region region() {
        return AwsAccess.region(region, REGION_OPTION);
    }

    /** @throws dev.queuebench.rundir.BadInputException when it is no http(s) URL, or carries a user or password */
    URI endpointUrl() {
        return AwsAccess.checkedEndpointUrl(endpointUrl, ENDPOINT_OPTION);
    }

    /**
     * Checks the region and the endpoint before any work, so that a mistake is a usage error at once.
     *
     * @throws dev.queuebench.rundir.BadInputException naming the option
     */
    void check() {
        region();
        endpointUrl();
    }

    /** The region, the endpoint and the default credential chain; the chain is asked at the first call. */
    AwsAccess access() {
        return new AwsAccess(region(), endpointUrl(), DefaultCredentialsProvider.builder().build());
    }
}
