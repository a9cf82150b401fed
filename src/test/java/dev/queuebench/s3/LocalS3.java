package dev.queuebench.s3;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.queuebench.metrics.cloudwatch.AwsAccess;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.gaul.s3proxy.S3Proxy;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3-compatible server for a test: S3Proxy (org.gaul:s3proxy) in this JVM on a free loopback
 * port, storing in memory (its transient blob store), checking every request's AWS signature against
 * {@link #KEY_ID} and {@link #SECRET}. Those are fake, so that a test can check that they reach no file
 * and no message. {@link #client()} is the test's own view of the buckets; the code under test reaches
 * them through {@link #aws()} or, on the command line, {@link #cliOptions()} and the default chain's
 * credentials ({@link #useCredentials}, set for each test when registered as an extension).
 */
public final class LocalS3 implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        AutoCloseable {
    public static final String KEY_ID = "AKIAQUEUEBENCHS3FAKE";
    public static final String SECRET = "queuebench/s3/fake/secret/never/written";
    public static final String REGION = "us-east-1";
    private static final String KEY_ID_PROPERTY = "aws.accessKeyId";
    private static final String SECRET_PROPERTY = "aws.secretAccessKey";

    private final List<String> buckets;
    private S3Proxy proxy;
    private URI endpoint;
    private S3Client client;

    private LocalS3(List<String> buckets) {
        this.buckets = buckets;
    }

    /**
     * For {@code @RegisterExtension static}: started before the class's tests with these buckets and
     * stopped after them; each test runs with the default chain's credentials set ({@link #useCredentials}).
     */
    public static LocalS3 withBuckets(String... buckets) {
        return new LocalS3(List.of(buckets));
    }

    /** Started now with these buckets, for try-with-resources. */
    public static LocalS3 started(String... buckets) throws Exception {
        LocalS3 s3 = new LocalS3(List.of(buckets));
        s3.start();
        return s3;
    }

    private void start() throws Exception {
        proxy = S3Proxy.builder().blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, KEY_ID, SECRET)
                .build();
        proxy.start();
        long deadlineMillis = System.currentTimeMillis() + 10_000;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.currentTimeMillis() > deadlineMillis) {
                throw new IllegalStateException("S3Proxy did not start within 10 s: " + proxy.getState());
            }
            Thread.sleep(10);
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        client = S3Client.builder().region(Region.of(REGION)).endpointOverride(endpoint).forcePathStyle(true)
                .credentialsProvider(credentials()).build();
        buckets.forEach(bucket -> client.createBucket(request -> request.bucket(bucket)));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        useCredentials(KEY_ID, SECRET);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        useCredentials(null, null);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    public static AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET));
    }

    public URI endpoint() {
        return endpoint;
    }

    /** How the code under test reaches this server, with the right credentials. */
    public AwsAccess aws() {
        return new AwsAccess(Region.of(REGION), endpoint, credentials());
    }

    /** The options that send a command's S3 calls here: {@code --aws-region … --aws-endpoint-url …}. */
    public String[] cliOptions() {
        return new String[] {"--aws-region", REGION, "--aws-endpoint-url", endpoint.toString()};
    }

    /**
     * Gives the default credential chain of the commands under test these credentials (its first link,
     * the JVM's system properties), or takes them away: {@code null} for none.
     */
    public static void useCredentials(String keyId, String secret) {
        if (keyId == null) {
            System.clearProperty(KEY_ID_PROPERTY);
            System.clearProperty(SECRET_PROPERTY);
        } else {
            System.setProperty(KEY_ID_PROPERTY, keyId);
            System.setProperty(SECRET_PROPERTY, secret);
        }
    }

    public S3Client client() {
        return client;
    }

    /** Every object of the bucket under {@code prefix}, key to bytes. */
    public Map<String, byte[]> objects(String bucket, String prefix) {
        Map<String, byte[]> objects = new TreeMap<>();
        for (S3Object object : client.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix))
                .contents()) {
            objects.put(object.key(), client.getObjectAsBytes(request -> request.bucket(bucket).key(object.key()))
                    .asByteArray());
        }
        return objects;
    }

    /** Neither the key id nor the secret is in any file below {@code dir}, text or binary. */
    public static void assertNoCredentialIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertNoCredentialIn(Files.readAllBytes(file), file.toString());
            }
        }
    }

    public static void assertNoCredentialIn(byte[] bytes, String what) {
        // ISO-8859-1 maps every byte to one char: a credential in any file's bytes is found as text.
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains(SECRET) || text.contains(KEY_ID), what + " holds a credential");
    }

    @Override
    public void close() throws Exception {
        client.close();
        proxy.stop();
    }
}
