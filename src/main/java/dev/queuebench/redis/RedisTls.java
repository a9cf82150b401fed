package dev.queuebench.redis;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.SslVerifyMode;

/**
 * How to trust a {@code rediss://} server: the JVM's default trust store (enough for ElastiCache,
 * whose certificates chain to Amazon's public CAs) or only the CA certificates in one PEM file (for a
 * self-signed server such as a test's). Hostname verification is on unless switched off explicitly:
 * the server's certificate must name the host the client dialled (DNS name or IP address in its
 * subject alternative names). Used only for {@code rediss://} endpoints; plain ones ignore it.
 *
 * <p>The PEM file may hold several {@code -----BEGIN CERTIFICATE-----} blocks; all are trusted. It
 * is read once, when the {@code RedisTls} is made, so a bad file fails at startup.
 */
public final class RedisTls {
    private static final RedisTls SYSTEM_DEFAULT = new RedisTls(null, null, true);

    // The CA certificates travel to Jedis as an in-memory trust store, read again for each new
    // connection. JKS, not PKCS12: it loads in about 0.2 ms against PKCS12's 5 ms (its MAC is a
    // 10,000-round PBKDF), and it holds only public certificates, so its password protects nothing.
    private static final String TRUST_STORE_TYPE = "JKS";
    private static final char[] TRUST_STORE_PASSWORD = "public-certificates-only".toCharArray();

    private final Path caCertificate;
    private final byte[] trustStore;
    private final boolean verifyHostname;

    private RedisTls(Path caCertificate, byte[] trustStore, boolean verifyHostname) {
        this.caCertificate = caCertificate;
        this.trustStore = trustStore;
        this.verifyHostname = verifyHostname;
    }

    /** Trusts the JVM's default CAs, verifies the host name. */
    public static RedisTls systemDefault() {
        return SYSTEM_DEFAULT;
    }

    /**
     * Trusts only the CA certificate(s) in {@code caCertificatePem}, verifies the host name.
     *
     * @throws IllegalArgumentException when the file cannot be read or holds no certificate
     */
    public static RedisTls trusting(Path caCertificatePem) {
        Objects.requireNonNull(caCertificatePem, "caCertificatePem");
        return new RedisTls(caCertificatePem, trustStoreOf(caCertificatePem), true);
    }

    /**
     * The same trust without hostname verification: only for a server reached under a name its
     * certificate does not carry (an SSH tunnel, a port-forward). The certificate chain is still
     * checked.
     */
    public RedisTls withoutHostnameVerification() {
        return new RedisTls(caCertificate, trustStore, false);
    }

    /**
     * Jedis's TLS settings: the trust described above, and {@link SslVerifyMode#FULL} (chain and
     * host name, RFC 2818 rules, against the certificate's subject alternative names) or
     * {@link SslVerifyMode#CA} (chain only) without hostname verification. A new object per call:
     * Jedis adjusts the parameters it holds.
     */
    public SslOptions sslOptions() {
        SslOptions.Builder options = SslOptions.builder()
                .sslVerifyMode(verifyHostname ? SslVerifyMode.FULL : SslVerifyMode.CA);
        if (trustStore != null) {
            options.trustStoreType(TRUST_STORE_TYPE)
                    .truststore(() -> new ByteArrayInputStream(trustStore), TRUST_STORE_PASSWORD.clone());
        }
        return options.build();
    }

    public boolean verifiesHostname() {
        return verifyHostname;
    }

    /** The PEM file trusted instead of the JVM's CAs, if any. */
    public Optional<Path> caCertificate() {
        return Optional.ofNullable(caCertificate);
    }

    @Override
    public String toString() {
        return "RedisTls[trust=" + (caCertificate == null ? "JVM default CAs" : caCertificate.toString())
                + ", hostnameVerification=" + (verifyHostname ? "on" : "off") + "]";
    }

    private static byte[] trustStoreOf(Path pem) {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pem)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read CA certificate file '" + pem + "': " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("CA certificate file '" + pem + "' is not a PEM certificate ("
                    + e.getMessage() + "): give the file that starts with -----BEGIN CERTIFICATE-----", e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("CA certificate file '" + pem
                    + "' holds no certificate: give the file that starts with -----BEGIN CERTIFICATE-----");
        }
        try {
            KeyStore store = KeyStore.getInstance(TRUST_STORE_TYPE);
            store.load(null, null);
            int index = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + index++, certificate);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            store.store(bytes, TRUST_STORE_PASSWORD);
            return bytes.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot build a trust store from '" + pem + "': " + e.getMessage(), e);
        }
    }
}
