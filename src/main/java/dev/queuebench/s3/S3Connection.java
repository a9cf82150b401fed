package dev.queuebench.s3;

import dev.queuebench.metrics.cloudwatch.AwsAccess;
import dev.queuebench.rundir.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3 client reached the way {@link AwsAccess} reaches every AWS service (region, endpoint, default
 * credential chain, the JDK's HTTP client), plus what S3 needs of its own: path-style addresses for a
 * stand-in at an endpoint URL (an S3-compatible server has no per-bucket host names), and messages that
 * turn S3's answers into what to check. Messages name the bucket, prefix, region and endpoint, never a
 * credential.
 */
public final class S3Connection implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Without a byte for this long, a request fails (and the SDK retries it). */
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);
    private static final int CONNECTION_ATTEMPTS = 3;

    private final AwsAccess aws;
    private final SdkHttpClient http;
    private final S3Client s3;

    private S3Connection(AwsAccess aws, SdkHttpClient http, S3Client s3) {
        this.aws = aws;
        this.http = http;
        this.s3 = s3;
    }

    public static S3Connection open(AwsAccess aws) {
        SdkHttpClient http = UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT).build();
        S3Client s3 = aws.configured(S3Client.builder(), http).forcePathStyle(aws.endpointUrl() != null)
                .overrideConfiguration(overrides -> overrides.addExecutionInterceptor(new WithoutExpectContinue()))
                .build();
        return new S3Connection(aws, http, s3);
    }

    /**
     * Drops the {@code Expect: 100-continue} the SDK puts on every PutObject and UploadPart. The JDK's
     * HttpURLConnection keeps a connection on which the server refused such a request without reading
     * its body (a 403, a 404) and hands it to the next request, which then fails with "Unexpected end of
     * file from server"; a request that sends its body at once leaves the connection in order. What it
     * costs: the body of a refused request is sent before the refusal, once, and the upload stops there.
     */
    private static final class WithoutExpectContinue implements ExecutionInterceptor {
        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            return context.httpRequest().toBuilder().removeHeader("Expect").build();
        }
    }

    S3Client client() {
        return s3;
    }

    /**
     * Makes an S3 call, twice more if the JDK's HTTP client failed on its connection: that client reports
     * such a failure (a connection the server closed while it sat in the JDK's keep-alive cache) as an
     * {@link UncheckedIOException}, which the SDK passes on without the retries it gives its own
     * exceptions.
     *
     * @param call one attempt; it must be safe to repeat (a body it sends is read afresh each time)
     * @throws UncheckedIOException when the last attempt failed so
     */
    <T> T withRetries(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (UncheckedIOException e) {
                if (attempt == CONNECTION_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** A failure on the connection (or to read a file of the run) as a message that says what and where. */
    IOException failed(UncheckedIOException e, String doing) {
        IOException cause = e.getCause();
        return new IOException("Cannot " + doing + " (S3 in " + aws.where() + "): " + cause.getClass().getSimpleName()
                + ": " + cause.getMessage(), e);
    }

    /**
     * Asks S3 whether the bucket is there, reachable in this region and listable at {@code location} with
     * these credentials (a listing of at most one key under its prefix: {@code s3:ListBucket}, with the prefix
     * that a policy's {@code s3:prefix} condition looks at), so that a run whose upload cannot work fails
     * before it runs rather than after.
     *
     * @param doing what the bucket is for, for the message: {@code "upload the run to s3://b/p/g/part-0"}
     * @throws BadInputException naming the bucket and what to check
     */
    public void checkListable(S3Location location, String doing) {
        try {
            withRetries(() -> s3.listObjectsV2(request -> request.bucket(location.bucket())
                    .prefix(location.listPrefix()).maxKeys(1)));
        } catch (SdkException e) {
            throw problem(e, location, doing, "s3:ListBucket");
        } catch (UncheckedIOException e) {
            throw new BadInputException(failed(e, doing).getMessage(), e);
        }
    }

    /**
     * What went wrong reaching {@code location}, as the user can act on it.
     *
     * @param doing      what was being done: {@code "list the parts under s3://b/p"}
     * @param permission the IAM action it needed, for an access denied: {@code "s3:GetObject"}
     */
    BadInputException problem(SdkException e, S3Location location, String doing, String permission) {
        String cannot = "Cannot " + doing + ": ";
        if (e instanceof SdkClientException clientSide) {
            return new BadInputException(cannot + aws.unreachable(clientSide).getMessage(), e);
        }
        if (!(e instanceof AwsServiceException answer)) {
            return new BadInputException(cannot + e.getMessage() + " (S3 in " + aws.where() + ")", e);
        }
        String code = answer.awsErrorDetails() == null ? null : answer.awsErrorDetails().errorCode();
        int status = answer.statusCode();
        String said = status + (code == null ? "" : " " + code);
        if ("NoSuchBucket".equals(code) || status == 404 && code == null) {
            return new BadInputException(cannot + "there is no bucket '" + location.bucket() + "' in "
                    + aws.where() + " (S3 answered " + said + "): check the bucket's name", e);
        }
        if (status == 301 || "PermanentRedirect".equals(code) || "AuthorizationHeaderMalformed".equals(code)) {
            return new BadInputException(cannot + "the bucket '" + location.bucket() + "' is not in "
                    + aws.where() + " (S3 answered " + said + "): give its region with --aws-region", e);
        }
        if (status == 403) {
            return new BadInputException(cannot + "S3 denied access to " + location + " in " + aws.where() + " (" + said
                    + "): check that the credentials the default chain finds (AWS_ACCESS_KEY_ID and "
                    + "AWS_SECRET_ACCESS_KEY, AWS_PROFILE and ~/.aws, or the pod's or instance's role) allow "
                    + permission + " on it", e);
        }
        String message = answer.awsErrorDetails() == null || answer.awsErrorDetails().errorMessage() == null
                ? answer.getMessage() : answer.awsErrorDetails().errorMessage();
        return new BadInputException(cannot + "S3 in " + aws.where() + " answered " + said + ": " + message, e);
    }

    /** The region and endpoint only, as {@link AwsAccess#toString}: never the credentials provider's. */
    @Override
    public String toString() {
        return "S3 in " + aws.where();
    }

    @Override
    public void close() {
        s3.close();
        http.close();
    }
}
