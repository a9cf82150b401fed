package dev.queuebench.redis;

/**
 * Redacts a Redis URL that may be malformed, for error messages. It errs on the side of hiding: the
 * text between the user's ':' and the last '@' becomes {@code ***}, and so does anything after a
 * host's ':' that is not a port number (a password typed without its '@', as in
 * {@code redis://user:secret}).
 */
final class UrlRedaction {
    private static final String HIDDEN = "***";

    private UrlRedaction() {
    }

    static String redact(String url) {
        int schemeEnd = url.indexOf("://");
        String prefix = schemeEnd < 0 ? "" : url.substring(0, schemeEnd + 3);
        String rest = schemeEnd < 0 ? url : url.substring(schemeEnd + 3);
        StringBuilder shown = new StringBuilder(prefix);
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            int colon = userInfo.indexOf(':');
            shown.append(colon < 0 ? userInfo : userInfo.substring(0, colon) + ":" + HIDDEN).append('@');
            rest = rest.substring(at + 1);
        }
        return shown.append(redactHostPart(rest)).toString();
    }

    /** A piece of a URL quoted in a message: shown only when it cannot be a secret (digits, short). */
    static String redactFragment(String text) {
        return text.matches("[0-9]{0,12}") ? text : HIDDEN;
    }

    private static String redactHostPart(String hostPart) {
        int searchFrom = hostPart.startsWith("[") && hostPart.indexOf(']') > 0 ? hostPart.indexOf(']') : 0;
        int slash = hostPart.indexOf('/', searchFrom);
        String authority = slash < 0 ? hostPart : hostPart.substring(0, slash);
        String path = slash < 0 ? "" : hostPart.substring(slash);
        int colon = authority.indexOf(':', searchFrom);
        if (colon >= 0 && !authority.substring(colon + 1).matches("[0-9]*")) {
            authority = authority.substring(0, colon + 1) + HIDDEN;
        }
        if (!path.matches("/?[0-9]*")) {
            path = "/" + HIDDEN;
        }
        return authority + path;
    }
}
