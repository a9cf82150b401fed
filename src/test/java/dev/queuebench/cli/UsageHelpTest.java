package dev.queuebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.docs.MarkdownLinks;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class UsageHelpTest {
    /** A pointer into the documentation: a Markdown file of the repository and, after #, a heading's anchor. */
    private static final Pattern POINTER = Pattern.compile("(?:README\\.md|docs/[A-Za-z0-9_./-]+\\.md)#[A-Za-z0-9_-]+");
    private static final Pattern MENTION = Pattern.compile("README|DESIGN|docs/");

    @Test
    void everyDocumentationPointerInTheHelpNamesAFileAndHeadingThatExist() {
        MarkdownLinks links = new MarkdownLinks(Path.of(""));
        List<String> broken = new ArrayList<>();
        Map<String, String> pointers = new LinkedHashMap<>();
        usageMessages().forEach((command, usage) -> {
            String withoutPointers = POINTER.matcher(usage).replaceAll("");
            Matcher stray = MENTION.matcher(withoutPointers);
            if (stray.find()) {
                broken.add(command + ": mentions " + stray.group() + " without a file and heading, e.g. "
                        + "docs/profiles.md#load-profiles");
            }
            Matcher pointer = POINTER.matcher(usage);
            while (pointer.find()) {
                pointers.put(command + " " + pointer.group(), pointer.group());
                links.problem(Path.of("README.md"), pointer.group())
                        .ifPresent(problem -> broken.add(command + ": " + pointer.group() + " " + problem));
            }
        });
        assertEquals(List.of(), broken);
        assertTrue(pointers.containsKey("queuebench run docs/profiles.md#load-profiles"), pointers.keySet().toString());
    }

    @Test
    void everyUsageHelpRendersWithoutAPicocliWarning() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Map<String, String> usages;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            usages = usageMessages();
        } finally {
            System.setErr(stderr);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
        assertTrue(usages.get("queuebench compare").replaceAll("\\s+", " ").contains("each difference with a 95% interval"),
                usages.get("queuebench compare"));
    }

    /** Every command's usage help, subcommands included, by its qualified name. */
    private static Map<String, String> usageMessages() {
        Map<String, String> usages = new LinkedHashMap<>();
        CommandLine root = QueuebenchCommand.commandLine();
        // Wide enough that no pointer is wrapped across lines; the text is the same at any width.
        root.setUsageHelpWidth(400);
        collect(root, usages);
        assertTrue(usages.size() > 10, "only " + usages.keySet());
        return usages;
    }

    private static void collect(CommandLine command, Map<String, String> usages) {
        usages.put(command.getCommandSpec().qualifiedName(), command.getUsageMessage(CommandLine.Help.Ansi.OFF));
        command.getSubcommands().values().forEach(subcommand -> collect(subcommand, usages));
    }
}
