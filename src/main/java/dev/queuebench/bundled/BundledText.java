package dev.queuebench.bundled;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A text file shipped in the jar (a template, the node catalog, the default gate rules), read whole. */
public final class BundledText {
    private BundledText() {
    }

    /**
     * @param path classpath path without a leading slash, e.g. {@code report/report.html}
     * @throws IllegalStateException naming the path and the command that rebuilds the jar, when it is missing
     */
    public static String read(String path) {
        try (InputStream in = BundledText.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the jar; rebuild with: "
                        + "./mvnw -q -B package -DskipTests");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " from the jar: " + e.getMessage(), e);
        }
    }
}
