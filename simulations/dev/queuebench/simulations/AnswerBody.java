package dev.queuebench.simulations;

/**
 * Reads the few fields the journey needs from the gateway's small JSON answers without a JSON
 * parser: the injector's CPU goes to sending, and these bodies are flat objects of known shape
 * ({@code {"position":12,"eta_sec":3,…}}, {@code {"error":{"code":"TOKEN_EXPIRED",…}}}).
 */
final class AnswerBody {
    private AnswerBody() {
    }

    /** The number after {@code "name":}, or -1 when absent or not a whole number. */
    static long number(String body, String name) {
        int at = valueStart(body, name);
        if (at < 0) {
            return -1;
        }
        long value = 0;
        int digits = 0;
        while (at < body.length() && digits < 18) {
            char c = body.charAt(at);
            if (c < '0' || c > '9') {
                break;
            }
            value = value * 10 + (c - '0');
            at++;
            digits++;
        }
        return digits == 0 ? -1 : value;
    }

    /** The string after {@code "name":}, or null when absent (no escapes: the gateway's tokens and codes have none). */
    static String string(String body, String name) {
        int at = valueStart(body, name);
        if (at < 0 || at >= body.length() || body.charAt(at) != '"') {
            return null;
        }
        int end = body.indexOf('"', at + 1);
        return end < 0 ? null : body.substring(at + 1, end);
    }

    /** True when {@code "name":true}. */
    static boolean isTrue(String body, String name) {
        int at = valueStart(body, name);
        return at >= 0 && body.startsWith("true", at);
    }

    private static int valueStart(String body, String name) {
        if (body == null) {
            return -1;
        }
        int key = body.indexOf("\"" + name + "\"");
        if (key < 0) {
            return -1;
        }
        int at = key + name.length() + 2;
        while (at < body.length() && (body.charAt(at) == ' ' || body.charAt(at) == ':')) {
            at++;
        }
        return at;
    }
}
