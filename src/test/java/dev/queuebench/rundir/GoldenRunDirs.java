package dev.queuebench.rundir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The committed golden run directories ({@code src/test/resources/runs/}, described in its README),
 * copied for a test so it may write its outputs beside the run's files.
 */
public final class GoldenRunDirs {
    public static final String SMOKE = "20261202T164641Z-golden-smoke";
    public static final String RESTART = "20261202T164819Z-golden-restart";
    public static final String INTERRUPTED = "20261202T164641Z-golden-interrupted";
    public static final String STAIRS_KNEE = "20270115T080000Z-stairs-knee";
    public static final String DRIVER = "20270115T080000Z-driver";
    public static final String KEYS_STORM = "20270115T080000Z-keys-storm";
    public static final List<String> ALL = List.of(SMOKE, RESTART, INTERRUPTED, STAIRS_KNEE, DRIVER, KEYS_STORM);
    public static final String VERSION = "v1";

    private GoldenRunDirs() {
    }

    /** The committed folder of golden runs of {@code version}, or of what was made of them ({@code v1-before}). */
    public static Path root(String version) {
        try {
            return Path.of(GoldenRunDirs.class.getResource("/runs/" + version).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh copy of golden run {@code name} under {@code temp}, named as the run. */
    public static Path copy(Path temp, String name) {
        Path source = root(VERSION).resolve(name);
        Path target = temp.resolve(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
