package dev.queuebench.redis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Properties;

/**
 * The redis-server binaries inside the embedded-redis jar (resources at its root, e.g.
 * {@code redis-server-6.2.6-v5-linux-amd64}; despite the name that one reports 6.2.11, with TLS,
 * linked against OpenSSL 3). Only the binaries are used, not the library's Java code.
 */
final class BundledRedisServer {
    private static final String POM_PROPERTIES =
            "/META-INF/maven/com.github.codemonstur/embedded-redis/pom.properties";

    private BundledRedisServer() {
    }

    /** The resource name for this OS and CPU, or an error that says what to install instead. */
    static String resourceName(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        boolean amd64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        if (os.contains("linux")) {
            if (amd64) {
                return "redis-server-6.2.6-v5-linux-amd64";
            }
            if (arm64) {
                return "redis-server-6.2.7-linux-arm64";
            }
            if (arch.equals("x86") || arch.equals("i386") || arch.equals("i686")) {
                return "redis-server-6.2.7-linux-386";
            }
        } else if (os.contains("mac") || os.contains("darwin")) {
            if (amd64) {
                return "redis-server-6.2.6-v5-darwin-amd64";
            }
            if (arm64) {
                return "redis-server-6.2.6-v5-darwin-arm64";
            }
        }
        throw new IllegalStateException("embedded-redis has no usable redis-server for " + osName + "/" + osArch
                + " (Windows is not supported: the launcher needs /bin/sh): install Redis and put redis-server "
                + "on the PATH, or give -D" + RedisBinary.PROPERTY + "=/path/to/redis-server");
    }

    /** Copies this platform's binary to an executable temporary file, deleted when the JVM exits. */
    static Path extract() {
        String resource = resourceName(System.getProperty("os.name"), System.getProperty("os.arch"));
        try (InputStream in = BundledRedisServer.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is not on the classpath: the "
                        + "embedded-redis dependency is missing from this build; rebuild with ./mvnw package");
            }
            Path file = Files.createTempFile("queuebench-redis-server-", "");
            // Deleted by the JVM on a normal exit; a JVM killed with SIGKILL leaves it in the temp directory.
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot extract the bundled " + resource + " to the temporary directory ("
                    + System.getProperty("java.io.tmpdir") + "): " + e.getMessage(), e);
        }
    }

    /** The embedded-redis jar's version from its Maven metadata, or "(unknown version)". */
    static String embeddedRedisVersion() {
        try (InputStream in = BundledRedisServer.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "(unknown version)";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "(unknown version)");
        } catch (IOException e) {
            return "(unknown version)";
        }
    }
}
