package dev.queuebench.redis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where HAProxy is: {@code -Dqueuebench.haproxy.binary=<file>}, else {@code haproxy} on the PATH or in
 * {@code /usr/sbin} (where Debian's package puts it, outside a normal user's PATH).
 */
public final class HaproxyBinary {
    public static final String PROPERTY = "queuebench.haproxy.binary";
    public static final String INSTALL_HINT = "install HAProxy (Debian: apt-get install haproxy) or point "
            + "-D" + PROPERTY + " at its binary";

    private HaproxyBinary() {
    }

    /** The binary, or empty when there is none. */
    public static Optional<Path> find() {
        String forced = System.getProperty(PROPERTY);
        if (forced != null && !forced.isBlank()) {
            Path file = Path.of(forced);
            return Files.isExecutable(file) ? Optional.of(file) : Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : (path + java.io.File.pathSeparator + "/usr/sbin").split(java.io.File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, "haproxy");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The binary, or an error that says how to get one. */
    public static Path require(String forWhat) {
        return find().orElseThrow(() -> new IllegalStateException(forWhat + " needs HAProxy, which was not found: "
                + INSTALL_HINT));
    }
}
