package dev.queuebench.gateway;

import java.util.List;

/** Reads the token-bucket scripts' reply: {@code {allowed 1|0, remaining tokens}}. */
final class ScriptReplies {
    private ScriptReplies() {
    }

    static boolean allowed(Object reply) {
        if (reply instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Long allowed) {
            return allowed == 1L;
        }
        throw new IllegalStateException("unexpected token bucket reply: " + reply);
    }
}
