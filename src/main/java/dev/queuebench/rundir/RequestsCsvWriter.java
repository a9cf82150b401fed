package dev.queuebench.rundir;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one writer of {@code requests.csv} (format and reader: {@link RequestsCsv}): rows appended as seconds close. */
public final class RequestsCsvWriter implements Closeable {
    private final Path file;
    private final BufferedWriter out;

    public RequestsCsvWriter(Path runDir) {
        file = runDir.resolve(RunFiles.REQUESTS_CSV);
        try {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            RequestsCsv.writeHeader(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    public void append(RequestSecond row) {
        try {
            RequestsCsv.writeRow(out, row);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
