package dev.queuebench.record;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Gatling's KO message into a short cause for {@code requests.csv}: {@code http_503} when a
 * status check failed, {@code timeout}, {@code connect} (refused or reset), {@code check} (a body
 * check failed on a good status), else {@code other}.
 */
public final class KoCause {
    private static final Pattern FOUND_STATUS = Pattern.compile("status\\.find\\.(?:is|in)\\(.*\\),(?: but actually)? found (\\d{3})");

    private KoCause() {
    }

    public static String of(String message) {
        if (message == null || message.isEmpty()) {
            return "other";
        }
        Matcher status = FOUND_STATUS.matcher(message);
        if (status.find()) {
            return "http_" + status.group(1);
        }
        String lower = message.toLowerCase();
        if (lower.contains("timeout") || lower.contains("timed out")) {
            return "timeout";
        }
        if (lower.contains("connect") || lower.contains("connection reset") || lower.contains("closed")) {
            return "connect";
        }
        if (lower.contains("find") || lower.contains("check")) {
            return "check";
        }
        return "other";
    }
}
