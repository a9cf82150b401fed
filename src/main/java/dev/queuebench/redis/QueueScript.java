package dev.queuebench.redis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The queue's Lua scripts, one file each under {@code src/main/resources/lua/}; each file's header
 * documents its KEYS, ARGV and reply. Shared by the gateway and the JMH benchmarks, run through
 * {@link ScriptExecutor}.
 */
public enum QueueScript {
    /** Dedupe then XADD to the user's stream; 0 for a duplicate, else the entry id. */
    ENQUEUE("enqueue.lua"),
    /** Admission token bucket on the caller's clock; {allowed, remaining}. */
    ADMISSION_BUCKET("admission_bucket.lua"),
    /** Rate-limit token bucket on Redis's clock; {allowed, remaining}. */
    RATE_LIMIT_BUCKET("rate_limit_bucket.lua"),
    /** Hold (or renew) a seat for a reservation token; 1 held, 0 taken by another. */
    SEAT_HOLD("seat_hold.lua"),
    /** Release a seat held by a reservation token; 1 released, 0 not its holder. */
    SEAT_RELEASE("seat_release.lua");

    private static final String RESOURCE_DIRECTORY = "/lua/";

    private final String fileName;
    private volatile String source;
    private volatile String sha1;

    QueueScript(String fileName) {
        this.fileName = fileName;
    }

    /** The file name under {@code lua/} on the classpath. */
    public String fileName() {
        return fileName;
    }

    /** The script text, read from the classpath once. */
    public String source() {
        String loaded = source;
        if (loaded == null) {
            loaded = read(fileName);
            source = loaded;
        }
        return loaded;
    }

    /**
     * SHA-1 of the script's UTF-8 bytes as lowercase hex: the digest Redis's SCRIPT LOAD returns and
     * EVALSHA expects, computed here so EVALSHA needs no prior round trip.
     */
    public String sha1() {
        String digest = sha1;
        if (digest == null) {
            digest = sha1Hex(source());
            sha1 = digest;
        }
        return digest;
    }

    static String sha1Hex(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-1, which every Java runtime must provide", e);
        }
    }

    private static String read(String fileName) {
        String resource = RESOURCE_DIRECTORY + fileName;
        try (InputStream in = QueueScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Lua script " + resource + " is missing from the classpath: "
                        + "the build is incomplete, rebuild with ./mvnw package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read Lua script " + resource + ": " + e.getMessage(), e);
        }
    }
}
