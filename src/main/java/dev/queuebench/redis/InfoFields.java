package dev.queuebench.redis;

import java.util.Optional;

/**
 * Reads one field from an INFO reply: lines of {@code name:value}, CRLF-separated, grouped under
 * {@code # Section} headers.
 */
final class InfoFields {
    private InfoFields() {
    }

    static Optional<String> get(String info, String name) {
        String prefix = name + ":";
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(prefix)) {
                return Optional.of(line.substring(prefix.length()).strip());
            }
        }
        return Optional.empty();
    }
}
