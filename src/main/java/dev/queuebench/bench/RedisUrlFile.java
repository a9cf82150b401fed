package dev.queuebench.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands the Redis URL to the forked benchmark JVMs through a file only its owner can read, named by
 * {@code -D}{@value BenchmarkTarget#URL_FILE_PROPERTY}: a password in the URL then never appears on a
 * command line ({@code ps}) or in JMH's printed JVM options. Closing deletes the file.
 */
public final class RedisUrlFile implements AutoCloseable {
    private final Path file;
    private final Path caCertificate;

    private RedisUrlFile(Path file, Path caCertificate) {
        this.file = file;
        this.caCertificate = caCertificate;
    }

    /** @param caCertificate PEM file for {@code rediss://} to self-signed servers, or null */
    public static RedisUrlFile write(String url, Path caCertificate) throws IOException {
        Path file = Files.createTempFile("queuebench-jmh-redis-", ".url",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        file.toFile().deleteOnExit();
        Files.writeString(file, url, StandardCharsets.UTF_8);
        return new RedisUrlFile(file, caCertificate);
    }

    public Path path() {
        return file.toAbsolutePath();
    }

    /** The {@code -D} arguments for the benchmark JVMs. */
    public List<String> jvmArgs() {
        List<String> args = new ArrayList<>();
        args.add("-D" + BenchmarkTarget.URL_FILE_PROPERTY + "=" + path());
        if (caCertificate != null) {
            args.add("-D" + BenchmarkTarget.CA_CERT_PROPERTY + "=" + caCertificate.toAbsolutePath());
        }
        return args;
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
