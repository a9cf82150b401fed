package dev.queuebench.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless chromium, as the report's tests drive it: as root it needs --no-sandbox, and
 * the background-networking switches keep it from contacting anything. Opens a file:// page and
 * returns the DOM after the page's scripts ran with what the page wrote to the console, or takes a
 * screenshot.
 *
 * <p>Everything chromium writes (its profile, its output, its temporary and crash-report files, which it
 * would otherwise put in /tmp and ~/.config/chromium) goes to a directory of its own under the test's
 * work directory, deleted when chromium has exited.
 */
final class Chromium {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final long TIMEOUT_SEC = 60;
    private static final int LOG_TAIL_LINES = 10;
    private static final int DELETE_ATTEMPTS = 5;
    private static final long DELETE_RETRY_MILLIS = 200;
    /** Chromium's log line for a console message: {@code [...:INFO:CONSOLE:1] "text", source: url (1)}. */
    private static final Pattern CONSOLE_LINE = Pattern.compile(":CONSOLE[^\\]]*\\] (.*)");
    /** What earlier versions of these tests left in /tmp, and chromium's own temporary files. */
    private static final Pattern TMP_LEFTOVER = Pattern.compile("queuebench-chromium.*|chromium.*\\.out|\\.?org\\.chromium\\..*");

    private static final AtomicInteger LAUNCHES = new AtomicInteger();

    private final Path binary;
    private final Path workDirectory;

    /** The page after its scripts ran, and every message it wrote to the console (any level). */
    record Rendered(String dom, List<String> console) {
    }

    private Chromium(Path binary, Path workDirectory) {
        this.binary = binary;
        this.workDirectory = workDirectory;
    }

    /** @param workDirectory where each launch keeps its files until chromium exits (a JUnit {@code @TempDir}) */
    static Optional<Chromium> find(Path workDirectory) {
        String forced = System.getProperty("queuebench.chromium");
        if (forced != null) {
            return Optional.of(new Chromium(Path.of(forced), workDirectory));
        }
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : NAMES) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(new Chromium(candidate, workDirectory));
                }
            }
        }
        return Optional.empty();
    }

    /** The chromium {@link #find} finds, or the calling test is skipped with what to install. */
    static Chromium findOrSkip(Path workDirectory) {
        Optional<Chromium> chromium = find(workDirectory);
        Assumptions.assumeTrue(chromium.isPresent(), "no chromium on PATH: sudo apt-get install chromium "
                + "(.ci/run installs it), or -Dqueuebench.chromium=/path/to/chrome");
        return chromium.get();
    }

    /** The names in the JVM's temporary directory that a chromium launch could have left behind. */
    static Set<String> leftoversInTmp() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.map(entry -> entry.getFileName().toString())
                    .filter(name -> TMP_LEFTOVER.matcher(name).matches())
                    .collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    Rendered render(Path page) throws IOException, InterruptedException {
        return run(page, "--dump-dom");
    }

    void screenshot(Path page, Path png) throws IOException, InterruptedException {
        run(page, "--screenshot=" + png.toAbsolutePath(), "--window-size=1300,4200", "--hide-scrollbars");
        if (!Files.isRegularFile(png)) {
            throw new IOException("chromium wrote no screenshot to " + png);
        }
    }

    private Rendered run(Path page, String... extra) throws IOException, InterruptedException {
        // A short name: chromium's singleton socket goes under TMPDIR, and a Unix socket path has 107 bytes at most.
        Path launch = Files.createDirectory(workDirectory.resolve("chromium-" + LAUNCHES.incrementAndGet()));
        try {
            List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-default-apps", "--no-first-run", "--virtual-time-budget=10000",
                    "--enable-logging=stderr", "--v=0", "--user-data-dir=" + launch.resolve("profile")));
            command.addAll(List.of(extra));
            command.add(page.toAbsolutePath().toUri().toString());
            Path stdout = launch.resolve("stdout.txt");
            Path stderr = launch.resolve("stderr.txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            Map<String, String> environment = builder.environment();
            environment.put("TMPDIR", launch.toString());
            environment.put("XDG_CONFIG_HOME", launch.resolve("config").toString());
            environment.put("XDG_CACHE_HOME", launch.resolve("cache").toString());
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SEC, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new IOException("chromium did not finish within " + TIMEOUT_SEC + " s: " + command);
            }
            String output = Files.readString(stdout, StandardCharsets.UTF_8);
            if (process.exitValue() != 0 || output.isEmpty() && extra[0].equals("--dump-dom")) {
                throw new IOException("chromium exited with " + process.exitValue() + " and "
                        + output.length() + " characters of output; the end of its log:\n" + logTail(stderr));
            }
            return new Rendered(output, consoleMessages(stderr));
        } finally {
            deleteRecursively(launch);
        }
    }

    private static String logTail(Path stderr) throws IOException {
        List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    }

    private static List<String> consoleMessages(Path stderr) throws IOException {
        List<String> messages = new ArrayList<>();
        for (String line : Files.readAllLines(stderr, StandardCharsets.UTF_8)) {
            Matcher matcher = CONSOLE_LINE.matcher(line);
            if (matcher.find()) {
                messages.add(matcher.group(1));
            }
        }
        return messages;
    }

    /** Tries a few times: chromium's crash handler may still be writing for a moment after the browser exits. */
    private static void deleteRecursively(Path directory) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try (Stream<Path> walk = Files.walk(directory)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
                return;
            } catch (IOException e) {
                if (attempt == DELETE_ATTEMPTS) {
                    throw e;
                }
                Thread.sleep(DELETE_RETRY_MILLIS);
            }
        }
    }
}
