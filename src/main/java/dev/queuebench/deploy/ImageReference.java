package dev.queuebench.deploy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container image reference as Docker and Kubernetes take it, {@code [registry[:port]/]path[:tag][@digest]},
 * e.g. {@code 123456789012.dkr.ecr.eu-west-1.amazonaws.com/queuebench:0.1.0}. The grammar is the
 * distribution project's (reference/regexp.go): path components are lower case, a registry may have upper
 * case and a port, a tag is at most 128 word characters, dots and dashes, and a digest is
 * {@code algorithm:hex}; the name is at most 255 characters.
 *
 * @param name the registry and path
 * @param tag the tag, or null
 * @param digest the digest, or null
 */
public record ImageReference(String name, String tag, String digest) {
    private static final int MAX_NAME_LENGTH = 255;
    private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*(?::[0-9]+)?";
    private static final Pattern REFERENCE = Pattern.compile(
            "((?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*)"
                    + "(?::([\\w][\\w.-]{0,127}))?"
                    + "(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?");

    /** @throws IllegalArgumentException naming {@code option}, the text and the form it takes */
    public static ImageReference parse(String text, String option) {
        Matcher matcher = text == null ? null : REFERENCE.matcher(text);
        if (matcher == null || !matcher.matches() || matcher.group(1).length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(option + " must be an image reference such as "
                    + "123456789012.dkr.ecr.eu-west-1.amazonaws.com/queuebench:0.1.0 (registry/path:tag, the path "
                    + "in lower case, or @sha256:digest), was '" + text + "'");
        }
        return new ImageReference(matcher.group(1), matcher.group(2), matcher.group(3));
    }

    /**
     * True when the reference names one build: a digest, or a tag other than {@code latest}. Without one,
     * pods on different nodes may pull different builds.
     */
    public boolean pinned() {
        return digest != null || (tag != null && !tag.equals("latest"));
    }

    @Override
    public String toString() {
        return name + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
