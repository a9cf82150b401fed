package dev.queuebench.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves links and documentation pointers ({@code docs/gate.md#the-regression-gate}) against the
 * Markdown files of the repository, with headings turned into anchors the way GitHub renders them:
 * the heading's text without its Markdown (backticks, emphasis, link targets), lower-cased, every
 * character other than a letter, digit, {@code _}, {@code -} or space dropped, each space made a
 * {@code -}; a repeated anchor gets {@code -1}, {@code -2}, … in order.
 */
public final class MarkdownLinks {
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern INLINE_LINK = Pattern.compile("\\[([^\\]]*)\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");

    private final Path repoRoot;

    public MarkdownLinks(Path repoRoot) {
        this.repoRoot = repoRoot.toAbsolutePath().normalize();
    }

    /** The anchors of every heading of a Markdown file, outside fenced code blocks. */
    public static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean inFence = false;
        for (String line : markdown.split("\n", -1)) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (inFence || !heading.matches()) {
                continue;
            }
            String anchor = anchor(heading.group(1));
            int repeats = seen.merge(anchor, 1, Integer::sum) - 1;
            anchors.add(repeats == 0 ? anchor : anchor + "-" + repeats);
        }
        return anchors;
    }

    public static String anchor(String headingText) {
        String text = INLINE_LINK.matcher(headingText).replaceAll("$1");
        return text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}\\p{M}_\\- ]", "")
                .replace(' ', '-');
    }

    /** The targets of the inline links of a Markdown file, outside code blocks and code spans. */
    public static List<String> linkTargets(String markdown) {
        List<String> targets = new ArrayList<>();
        boolean inFence = false;
        for (String line : markdown.split("\n", -1)) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            Matcher link = INLINE_LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
            while (link.find()) {
                targets.add(link.group(2));
            }
        }
        return targets;
    }

    /**
     * What is wrong with {@code target} as written in {@code fromFile} (a path relative to the
     * repository root), or empty when it names a file inside the repository and, with a
     * {@code #fragment}, a heading of that file.
     */
    public Optional<String> problem(Path fromFile, String target) {
        if (target.contains("://") || target.startsWith("mailto:")) {
            return Optional.of("leaves the repository");
        }
        int hash = target.indexOf('#');
        String pathPart = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? null : target.substring(hash + 1);
        if (pathPart.startsWith("/")) {
            return Optional.of("is an absolute path; links must be relative");
        }
        Path base = repoRoot.resolve(fromFile).getParent();
        Path file = pathPart.isEmpty() ? repoRoot.resolve(fromFile) : base.resolve(pathPart).normalize();
        if (!file.startsWith(repoRoot)) {
            return Optional.of("leaves the repository");
        }
        if (!Files.exists(file)) {
            return Optional.of("names " + repoRoot.relativize(file) + ", which does not exist");
        }
        if (fragment == null) {
            return Optional.empty();
        }
        if (!file.toString().endsWith(".md")) {
            return Optional.of("has a #fragment on a file that is not Markdown");
        }
        Set<String> anchors = anchors(read(file));
        return anchors.contains(fragment)
                ? Optional.empty()
                : Optional.of("names heading #" + fragment + ", which " + repoRoot.relativize(file)
                        + " does not have (its anchors: " + anchors + ")");
    }


    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
