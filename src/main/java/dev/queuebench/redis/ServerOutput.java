package dev.queuebench.redis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** The tail of a redis-server's log, and hints for the failures people actually hit. */
final class ServerOutput {
    static final int TAIL_LINES = 15;

    private ServerOutput() {
    }

    /** The last {@value #TAIL_LINES} lines of {@code log}, indented, or a note when there are none. */
    static String tail(Path log) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "  (no output)";
        } catch (IOException e) {
            return "  (cannot read " + log + ": " + e.getMessage() + ")";
        }
        if (lines.isEmpty()) {
            return "  (no output)";
        }
        StringBuilder tail = new StringBuilder();
        for (String line : lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size())) {
            tail.append("  ").append(line).append('\n');
        }
        return tail.toString().stripTrailing();
    }

    /** A sentence on what to do, for output that shows a known problem; empty otherwise. */
    static String hint(String output) {
        if (output.contains("error while loading shared libraries")) {
            return "\nThe bundled redis-server needs OpenSSL 3 (libssl.so.3). Install it, or install Debian's "
                    + "redis-server (apt-get install redis-server) and use it with -D" + RedisBinary.PROPERTY + "=path.";
        }
        if (output.contains("Bad directive") && output.contains("tls")) {
            return "\nThis redis-server was built without TLS. Use one with TLS: Debian's redis-server "
                    + "(apt-get install redis-server) or -D" + RedisBinary.PROPERTY + "=/path/to/redis-server.";
        }
        if (output.contains("Bad directive")) {
            return "\nThis redis-server does not know one of the settings given to it: check the "
                    + "EmbeddedRedis.Builder config(...) keys against its version.";
        }
        if (output.contains("Address already in use")) {
            return "\nAnother process took the port: stop it, or start without a fixed port.";
        }
        return "";
    }
}
