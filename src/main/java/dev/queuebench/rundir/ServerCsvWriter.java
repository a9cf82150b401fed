package dev.queuebench.rundir;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Appends rows to {@code server.csv}, flushed after every sample so a crashed run leaves a readable
 * file.
 *
 * <p>Format (long: one row per metric per node per sampled second), UTF-8, {@code \n} line ends:
 * <pre>
 * epoch_sec,node,metric,value
 * 1764065700,primary,CurrConnections,12
 * 1764065700,primary,cmd.evalsha.calls_per_sec,251.5
 * </pre>
 * <ul>
 *   <li>{@code epoch_sec}: integer UTC second of the sample;</li>
 *   <li>{@code node}: {@code primary} or {@code reader};</li>
 *   <li>{@code metric}: a {@code ServerMetric} name or a {@code CommandMetric} column
 *       ({@code cmd.<command>.<suffix>}); names never contain a comma;</li>
 *   <li>{@code value}: a plain decimal (no exponent, no NaN). A second the sampler could not read is
 *       absent, never zero.</li>
 * </ul>
 * An existing file is appended to (its header kept), so one directory can hold several sampler sessions.
 */
public final class ServerCsvWriter implements Closeable {

    private final BufferedWriter out;

    public ServerCsvWriter(Path dir) throws IOException {
        Path file = dir.resolve(RunFiles.SERVER_CSV);
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (fresh) {
            out.write(ServerCsv.HEADER);
            out.write('\n');
            out.flush();
        }
    }

    /** Writes one sample's rows and flushes them. */
    public synchronized void append(List<MetricRow> rows) throws IOException {
        for (MetricRow row : rows) {
            if (row.metric().indexOf(',') >= 0 || row.metric().indexOf('\n') >= 0) {
                // A command name from INFO that would break the CSV: leave it out rather than corrupt a row.
                continue;
            }
            out.write(Long.toString(row.epochSec()));
            out.write(',');
            out.write(row.node());
            out.write(',');
            out.write(row.metric());
            out.write(',');
            out.write(PlainDecimal.format(row.value()));
            out.write('\n');
        }
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
