package dev.queuebench.rundir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The one way a whole file of a run is written: to a temporary file beside it, then moved in place,
 * so a reader (or a run killed mid-write) never sees half a file. Files that grow second by second
 * ({@code requests.csv}, {@code server.csv}, {@code latency.hlog}) are appended instead.
 */
public final class AtomicFiles {
    /** Writes the content of a file. */
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** Writes the content of a binary file. */
    public interface BinaryContent {
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** As {@link #write(Path, Content)}, for a binary file. */
    public static void writeBinary(Path file, BinaryContent content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (java.io.OutputStream out = Files.newOutputStream(temporary)) {
            content.writeTo(out);
        }
        moveInPlace(temporary, file);
    }

    public static void write(Path file, Content content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            content.writeTo(out);
        }
        moveInPlace(temporary, file);
    }

    public static void writeString(Path file, String text) throws IOException {
        write(file, out -> out.write(text));
    }

    /** Moves a finished temporary file or directory over {@code target} in one step. */
    public static void moveInPlace(Path temporary, Path target) throws IOException {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
