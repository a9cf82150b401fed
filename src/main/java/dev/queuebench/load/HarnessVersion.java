package dev.queuebench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The harness's version (from the jar's manifest) and git commit (from the working directory, when it is a clone). */
final class HarnessVersion {
    private HarnessVersion() {
    }

    static String version() {
        String version = HarnessVersion.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    static String gitSha() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (git.waitFor(5, TimeUnit.SECONDS) && git.exitValue() == 0 && out.matches("[0-9a-f]{40}")) {
                return out;
            }
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "unknown";
    }
}
