package dev.queuebench.gate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rules files the docs tell users to copy are read by the gate as they stand. */
class ExampleRulesTest {
    @Test
    void everyExampleRulesFileIsValid() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(Path.of("examples", "gate"))) {
            files = listed.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.stream().anyMatch(file -> file.endsWith("drill-rules.json")), files.toString());
        for (Path file : files) {
            List<GateRule> rules = GateRules.read(file);
            assertFalse(rules.isEmpty(), file + " has no rule");
        }
    }
}
