package dev.queuebench.record;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Gatling's KO message into a short cause for {@code requests.csv}: {@code http_503} when a
 * status check failed, {@code timeout}, {@code connect} (refused or reset), {@code check} (a body
 * check failed on a good status), {@code injector_out_of_files} (the injector could not open a
 * socket: its own failure, not the target's), else {@code other}.
 */
public final class KoCause {
    /** The injector ran out of file descriptors ("Too many open files", EMFILE): the request never left it. */
    public static final String INJECTOR_OUT_OF_FILES = "injector_out_of_files";

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
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("too many open files")) {
            return INJECTOR_OUT_OF_FILES;
        }
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
