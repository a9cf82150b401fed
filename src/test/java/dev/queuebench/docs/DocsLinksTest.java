package dev.queuebench.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DocsLinksTest {
    private final MarkdownLinks links = new MarkdownLinks(Path.of(""));

    @Test
    void everyLinkInTheReadmeAndDocsNamesAFileAndHeadingInsideTheRepository() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(file -> file.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path file : files) {
            for (String target : MarkdownLinks.linkTargets(MarkdownLinks.read(file))) {
                checked++;
                links.problem(file, target).ifPresent(problem -> broken.add(file + ": (" + target + ") " + problem));
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(checked >= files.size(), "only " + checked + " links in " + files + ": is the README linking docs/?");
    }

    @Test
    void theReadmeStaysAFrontDoorOfAtMost200Lines() throws IOException {
        long lines = Files.readAllLines(Path.of("README.md")).size();
        assertTrue(lines <= 200, "README.md has " + lines + " lines: move reference material into docs/ and link it");
    }

    @Test
    void headingsBecomeAnchorsAsGitHubRendersThem() {
        assertEquals(Set.of("the-info-sampler-servercsv", "alarms-alarmsjson", "injector-capacity-measured",
                        "examples", "examples-1", "p99--10-in-a-hold"),
                MarkdownLinks.anchors("""
                        # The INFO sampler: `server.csv`
                        ## Alarms: `alarms.json`
                        ```sh
                        # not a heading
                        ```
                        ### Injector capacity (measured)
                        ## Examples
                        ## Examples
                        ## p99 + 10% in a hold
                        """));
        assertEquals("see-the-gate", MarkdownLinks.anchor("See [the gate](docs/gate.md)"));
    }

    @Test
    void linksThatLeaveTheRepositoryOrNameNothingAreProblems() {
        Path readme = Path.of("README.md");
        assertEquals(Optional.of("leaves the repository"), links.problem(readme, "../shared/DESIGN.md"));
        assertEquals(Optional.of("leaves the repository"), links.problem(readme, "https://example.com/"));
        assertEquals(Optional.of("is an absolute path; links must be relative"), links.problem(readme, "/work/x.md"));
        assertEquals(Optional.of("names docs/nothing.md, which does not exist"), links.problem(readme, "docs/nothing.md"));
        assertTrue(links.problem(readme, "docs/gate.md#no-such-heading").orElseThrow()
                .startsWith("names heading #no-such-heading, which docs/gate.md does not have"));
        assertEquals(Optional.empty(), links.problem(readme, "docs/gate.md#the-regression-gate"));
        assertEquals(Optional.empty(), links.problem(Path.of("docs/gate.md"), "../pom.xml"));
    }

    @Test
    void linkTargetsInCodeAreNotLinks() {
        assertEquals(List.of("docs/a.md", "b.md#x"), MarkdownLinks.linkTargets("""
                See [a](docs/a.md) and [b](b.md#x "title"), not `[c](c.md)`.
                ```
                [d](d.md)
                ```
                """));
    }
}
