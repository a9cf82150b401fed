package dev.queuebench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless chromium, as the report's tests drive it: as root it needs --no-sandbox, and
 * the background-networking switches keep it from contacting anything. Opens a file:// page and
 * returns the DOM after the page's scripts ran, or takes a screenshot.
 */
final class Chromium {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final long TIMEOUT_SEC = 60;

    private final Path binary;

    private Chromium(Path binary) {
        this.binary = binary;
    }

    static Optional<Chromium> find() {
        String forced = System.getProperty("queuebench.chromium");
        if (forced != null) {
            return Optional.of(new Chromium(Path.of(forced)));
        }
        for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String name : NAMES) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(new Chromium(candidate));
                }
            }
        }
        return Optional.empty();
    }

    String dumpDom(Path page) throws IOException, InterruptedException {
        return run(page, "--dump-dom");
    }

    void screenshot(Path page, Path png) throws IOException, InterruptedException {
        run(page, "--screenshot=" + png.toAbsolutePath(), "--window-size=1300,4200", "--hide-scrollbars");
        if (!Files.isRegularFile(png)) {
            throw new IOException("chromium wrote no screenshot to " + png);
        }
    }

    private String run(Path page, String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--no-first-run", "--virtual-time-budget=10000",
                "--user-data-dir=" + Files.createTempDirectory("queuebench-chromium")));
        command.addAll(List.of(extra));
        command.add(page.toAbsolutePath().toUri().toString());
        Path stdout = Files.createTempFile("chromium", ".out");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(TIMEOUT_SEC, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("chromium did not finish within " + TIMEOUT_SEC + " s: " + command);
        }
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }
}
