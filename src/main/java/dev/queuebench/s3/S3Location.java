package dev.queuebench.s3;

import dev.queuebench.rundir.BadInputException;
import java.util.regex.Pattern;

/**
 * A place in S3 as the command line names it: {@code s3://bucket} or {@code s3://bucket/prefix/more}. The
 * prefix is kept without a leading or trailing slash, so that {@link #child} and {@link #key} never make
 * an empty segment: S3 would store {@code a//b} as a key of its own, one that no listing of {@code a/b/}
 * finds.
 *
 * @param prefix "" for the bucket's top
 */
public record S3Location(String bucket, String prefix) {
    /** S3's rule for a new bucket's name: 3 to 63 lower-case letters, digits, dots and hyphens. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final String SCHEME = "s3://";

    public S3Location {
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw new BadInputException("'" + bucket + "' is not an S3 bucket name (3 to 63 characters: a-z 0-9 . -)");
        }
        if (prefix == null) {
            prefix = "";
        }
        if (prefix.startsWith("/") || prefix.endsWith("/") || prefix.contains("//")) {
            throw new BadInputException("the S3 prefix '" + prefix + "' has an empty segment (a leading, trailing or "
                    + "double slash)");
        }
    }

    /** Whether {@code text} is meant as an S3 location (and so must be one). */
    public static boolean isS3(String text) {
        return text != null && text.startsWith(SCHEME);
    }

    /**
     * @param text {@code s3://bucket} or {@code s3://bucket/prefix}; one trailing slash is allowed
     * @throws BadInputException naming what is wrong with it
     */
    public static S3Location parse(String text) {
        if (!isS3(text)) {
            throw new BadInputException("'" + text + "' is not an S3 location: give s3://bucket/prefix");
        }
        String rest = text.substring(SCHEME.length());
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        try {
            return new S3Location(bucket, prefix);
        } catch (BadInputException e) {
            throw new BadInputException("'" + text + "' is not a usable S3 location: " + e.getMessage(), e);
        }
    }

    /** The location one segment further down, e.g. {@code s3://b/runs} then {@code s3://b/runs/part-0}. */
    public S3Location child(String segment) {
        if (segment.isEmpty() || segment.contains("/")) {
            throw new IllegalArgumentException("one non-empty segment without a slash, was '" + segment + "'");
        }
        return new S3Location(bucket, key(segment));
    }

    /** The object key of {@code relative} ({@code a/b.csv}) below this location. */
    public String key(String relative) {
        return prefix.isEmpty() ? relative : prefix + "/" + relative;
    }

    /** The prefix that lists what is below this location: {@code runs/g1/}, or "" at the bucket's top. */
    public String listPrefix() {
        return prefix.isEmpty() ? "" : prefix + "/";
    }

    @Override
    public String toString() {
        return SCHEME + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }
}
