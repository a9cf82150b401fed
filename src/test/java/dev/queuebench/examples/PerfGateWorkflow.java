package dev.queuebench.examples;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * examples/github-actions/perf-gate.yml as its tests need it: the steps of its one job, in order,
 * each with its name and its {@code run:} script (continuation lines joined), and the queuebench
 * command lines in a script, split into arguments as bash would split them.
 */
final class PerfGateWorkflow {
    static final Path FILE = Path.of("examples", "github-actions", "perf-gate.yml");
    private static final Pattern QUEUEBENCH = Pattern.compile("java -jar \\S*queuebench\\.jar (.*)");

    /** One step: its name ({@code uses:} when it has none), its run script or null, and its env. */
    record Step(String name, String run, Map<String, Object> env) {
        /** The queuebench arguments of every {@code java -jar …queuebench.jar} line of the script. */
        List<List<String>> queuebenchArgs() {
            List<List<String>> lines = new ArrayList<>();
            if (run == null) {
                return lines;
            }
            for (String line : run.split("\n")) {
                Matcher matcher = QUEUEBENCH.matcher(line.strip());
                if (matcher.matches()) {
                    lines.add(words(matcher.group(1)));
                }
            }
            return lines;
        }
    }

    private PerfGateWorkflow() {
    }

    @SuppressWarnings("unchecked")
    static List<Step> steps() throws IOException {
        Map<String, Object> workflow;
        try (Reader reader = Files.newBufferedReader(FILE, StandardCharsets.UTF_8)) {
            workflow = new Yaml().load(reader);
        }
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        Map<String, Object> job = (Map<String, Object>) jobs.values().iterator().next();
        List<Step> steps = new ArrayList<>();
        for (Map<String, Object> step : (List<Map<String, Object>>) job.get("steps")) {
            String run = (String) step.get("run");
            String name = (String) step.getOrDefault("name", step.get("uses"));
            steps.add(new Step(name, run == null ? null : run.replace("\\\n", " "),
                    (Map<String, Object>) step.getOrDefault("env", Map.of())));
        }
        return steps;
    }

    /** Splits on blanks outside double quotes, the quotes removed: {@code "$(ls -d a*)"} stays one word. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
