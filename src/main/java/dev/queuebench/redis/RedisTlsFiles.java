package dev.queuebench.redis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The PEM files an {@link EmbeddedRedis} serves TLS with: its certificate (chain), its private key
 * (unencrypted, PKCS#8 or traditional) and the CA certificate that signed it. Clients are not asked
 * for certificates ({@code tls-auth-clients no}, as on ElastiCache); the CA file is what a client,
 * the embedded replica and the launcher's own readiness check trust.
 */
public record RedisTlsFiles(Path certificate, Path privateKey, Path caCertificate) {
    public RedisTlsFiles {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(caCertificate, "caCertificate");
    }

    /** Fails naming the first file that is missing or unreadable. */
    void requireReadable() {
        requireReadable("certificate", certificate);
        requireReadable("private key", privateKey);
        requireReadable("CA certificate", caCertificate);
    }

    private static void requireReadable(String what, Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("TLS " + what + " file '" + file + "' does not exist or is not "
                    + "readable: give PEM files for the server certificate, its key and the CA");
        }
    }
}
