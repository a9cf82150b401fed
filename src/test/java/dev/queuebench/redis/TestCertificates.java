package dev.queuebench.redis;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Throwaway TLS material for tests: a CA and server certificates it signs, as PEM files (EC P-256,
 * valid for a day). Nothing here is fit for anything but a test.
 */
final class TestCertificates {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    private static final String SIGNATURE = "SHA256withECDSA";

    private final KeyPair caKeys;
    private final X509CertificateHolder caCertificate;
    private final Path directory;

    private TestCertificates(Path directory) throws GeneralSecurityException, OperatorCreationException {
        this.directory = directory;
        this.caKeys = newKeyPair();
        X500Name caName = new X500Name("CN=queuebench test CA");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caName, nextSerial(), notBefore(),
                notAfter(), caName, caKeys.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        this.caCertificate = builder.build(signer());
    }

    /** A new CA whose files go into {@code directory}. */
    static TestCertificates newCa(Path directory) throws Exception {
        return new TestCertificates(directory);
    }

    Path caFile() throws IOException {
        Path file = directory.resolve("ca.pem");
        if (!Files.exists(file)) {
            writePem(file, caCertificate);
        }
        return file;
    }

    /**
     * A server certificate signed by this CA for the given subject alternative names: entries that
     * look like IPv4 addresses become IP SANs, the rest DNS SANs.
     */
    RedisTlsFiles serverFiles(String name, String... subjectAltNames) throws Exception {
        KeyPair keys = newKeyPair();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                new X500Name("CN=queuebench test CA"), nextSerial(), notBefore(), notAfter(),
                new X500Name("CN=" + name), keys.getPublic());
        GeneralName[] names = new GeneralName[subjectAltNames.length];
        for (int i = 0; i < subjectAltNames.length; i++) {
            boolean ip = subjectAltNames[i].matches("[0-9.]+");
            names[i] = new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, subjectAltNames[i]);
        }
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        X509CertificateHolder certificate = builder.build(signer());
        Path certificateFile = directory.resolve(name + "-cert.pem");
        Path keyFile = directory.resolve(name + "-key.pem");
        writePem(certificateFile, certificate);
        // PKCS#8 ("BEGIN PRIVATE KEY"): OpenSSL 3 reads it for every key type.
        Files.writeString(keyFile, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        return new RedisTlsFiles(certificateFile, keyFile, caFile());
    }

    private ContentSigner signer() throws OperatorCreationException {
        return new JcaContentSignerBuilder(SIGNATURE).build(caKeys.getPrivate());
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static BigInteger nextSerial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }

    private static Date notBefore() {
        return Date.from(Instant.now().minus(Duration.ofHours(1)));
    }

    private static Date notAfter() {
        return Date.from(Instant.now().plus(Duration.ofDays(1)));
    }

    private static void writePem(Path file, Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            pem.writeObject(object);
        }
        Files.writeString(file, text.toString());
    }
}
