package dev.queuebench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Gatling writes {@code gatling/<runId>/…}; the run directory contract wants {@code gatling/…}. */
final class GatlingReportFolder {
    private GatlingReportFolder() {
    }

    static void flatten(Path gatlingDir) throws IOException {
        try (var runs = Files.list(gatlingDir)) {
            for (Path run : runs.filter(Files::isDirectory).toList()) {
                try (var files = Files.list(run)) {
                    for (Path file : files.toList()) {
                        Files.move(file, gatlingDir.resolve(file.getFileName()));
                    }
                }
                Files.delete(run);
            }
        }
    }
}
