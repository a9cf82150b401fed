package dev.queuebench.metrics.cloudwatch;

import dev.queuebench.rundir.BadInputException;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;

/**
 * How queuebench reaches AWS, the same way for every call it makes: a region ({@code --region} or the
 * SDK's default chain), an optional endpoint URL ({@code --endpoint-url}, a local stand-in), and
 * credentials (the default chain on the command line, so an instance or pod role works). Messages name
 * the region and the endpoint, never a credential: an endpoint URL carrying one is refused.
 *
 * @param endpointUrl null for AWS itself
 */
public record AwsAccess(Region region, URI endpointUrl, AwsCredentialsProvider credentials) {
    public AwsAccess {
        if (region == null || credentials == null) {
            throw new IllegalArgumentException("reaching AWS needs a region and a credentials provider");
        }
        checkedEndpointUrl(endpointUrl);
    }

    /**
     * @param regionOption {@code --region}, or null for the SDK's default chain (AWS_REGION, the profile's region)
     * @throws BadInputException when neither names a region
     */
    public static Region region(String regionOption) {
        return region(regionOption, "--region");
    }

    /**
     * @param regionOption the option's value, or null for the SDK's default chain (AWS_REGION, the profile's region)
     * @param optionName   the option as the command calls it ({@code --aws-region}), for the message
     * @throws BadInputException when neither names a region
     */
    public static Region region(String regionOption, String optionName) {
        if (regionOption != null) {
            return Region.of(regionOption);
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkException e) {
            throw new BadInputException("no AWS region: give " + optionName + " (or set AWS_REGION)");
        }
    }

    /**
     * @param endpointUrl {@code --endpoint-url}, or null for AWS itself
     * @return the same URL, checked
     * @throws BadInputException when it is not http(s), or carries a user or password (it would reach messages)
     */
    public static URI checkedEndpointUrl(URI endpointUrl) {
        return checkedEndpointUrl(endpointUrl, "--endpoint-url");
    }

    /**
     * @param endpointUrl the option's value, or null for AWS itself
     * @param optionName  the option as the command calls it ({@code --aws-endpoint-url}), for the message
     * @return the same URL, checked
     * @throws BadInputException when it is not http(s), or carries a user or password (it would reach messages)
     */
    public static URI checkedEndpointUrl(URI endpointUrl, String optionName) {
        if (endpointUrl == null) {
            return null;
        }
        if (!List.of("http", "https").contains(String.valueOf(endpointUrl.getScheme())) || endpointUrl.getHost() == null) {
            throw new BadInputException(optionName + " must be an http(s):// URL with a host, e.g. http://127.0.0.1:4566");
        }
        if (endpointUrl.getRawUserInfo() != null) {
            throw new BadInputException(optionName + " must not carry a user or password (user:password@): "
                    + "credentials come from the AWS SDK's default chain");
        }
        return endpointUrl;
    }

    /** {@code eu-west-1}, or {@code eu-west-1 (endpoint http://127.0.0.1:4566)} for a stand-in. */
    public String where() {
        return region.id() + (endpointUrl == null ? "" : " (endpoint " + withoutUserInfo(endpointUrl) + ")");
    }

    static String withoutUserInfo(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getPath() == null ? "" : uri.getPath());
    }

    /** @param overrides retries and timeouts, or null for the SDK's defaults */
    ElastiCacheClient elastiCache(SdkHttpClient http, ClientOverrideConfiguration overrides) {
        var builder = configured(ElastiCacheClient.builder(), http);
        if (overrides != null) {
            builder.overrideConfiguration(overrides);
        }
        return builder.build();
    }

    /**
     * Any service's client builder, pointed at this region and endpoint, with these credentials and this HTTP
     * client (the JDK's, {@code url-connection-client}: the project carries neither netty nor Apache's).
     */
    public <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configured(B builder, SdkHttpClient http) {
        builder.region(region).credentialsProvider(credentials).httpClient(http);
        if (endpointUrl != null) {
            builder.endpointOverride(endpointUrl);
        }
        return builder;
    }

    /** The region and endpoint only: a credentials provider's own toString can print the access key id. */
    @Override
    public String toString() {
        return "AWS in " + where();
    }

    /** AWS cannot be reached, or no credentials were found: what the user can check. */
    public BadInputException unreachable(SdkClientException e) {
        return new BadInputException("Cannot reach AWS in " + where() + ": " + e.getMessage()
                + " (credentials come from the default chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE "
                + "and ~/.aws, or an instance or pod role)", e);
    }
}
