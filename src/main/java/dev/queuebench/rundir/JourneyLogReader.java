package dev.queuebench.rundir;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads {@code journeys.bin.gz}: what every virtual user of one injector saw. The file is a gzip
 * stream of little records, written by {@link JourneyLogWriter} and flushed twice a second:
 *
 * <pre>
 * header:  "QBJ" version:varint base_epoch_ms:8 bytes heartbeat_ttl_sec:varint injector_index:varint
 *          user_prefix_length:varint user_prefix:UTF-8
 * request: type:1 byte (1 join, 2 status, 3 enter, 4 leave) user:varint send_ms:zigzag varint (from the base)
 *          duration_ms:varint answer:1 byte ({@link JourneyAnswer})
 *          join:   event_index:varint position_hint:varint token
 *          status: position:varint (0 none) eta_sec+1:varint (0 none) ready_for_entry:1 byte
 *          enter:  twin:1 byte token (the reservation token when granted)
 *          leave:  nothing more
 * end:     type 5, user:varint at_ms:zigzag varint how:1 byte ({@link JourneyEnd})
 * token:   0, or 1 followed by its 64-bit {@link WaitingToken#fingerprint()} (version 1 had all 128 bits)
 * </pre>
 *
 * A file whose end is missing (a run that was killed) gives every record up to its last flush and
 * says it was cut short; a file that is not a journey log is refused, naming it.
 */
public final class JourneyLogReader {
    /** What a reader is told, record by record, in the order they were written. Times are epoch ms. */
    public interface Visitor {
        default void header(JourneyLogHeader header) {
        }

        default void join(long user, int eventIndex, long sendMs, long durationMs, JourneyAnswer answer,
                long positionHint, WaitingToken waitingToken) {
        }

        default void status(long user, long sendMs, long durationMs, JourneyAnswer answer, long position, long etaSec,
                boolean readyForEntry) {
        }

        default void enter(long user, long sendMs, long durationMs, JourneyAnswer answer, boolean twin,
                WaitingToken reservationToken) {
        }

        default void leave(long user, long sendMs, long durationMs, JourneyAnswer answer) {
        }

        default void end(long user, long atMs, JourneyEnd end) {
        }
    }

    /** How a read went: the header (null when the file ends inside it), how many records, and whether the file ended before its end. */
    public record Result(JourneyLogHeader header, long records, boolean cutShort) {
    }

    private JourneyLogReader() {
    }

    public static Result read(Path file, Visitor visitor) {
        try (InputStream raw = Files.newInputStream(file)) {
            GZIPInputStream gzip;
            try {
                gzip = new GZIPInputStream(raw, 64 * 1024);
            } catch (ZipException | EOFException notGzip) {
                throw new BadInputException(file + " is not a journey log (not gzip: " + notGzip.getMessage()
                        + "); it is written by queuebench run");
            }
            ByteSource in = new ByteSource(gzip, 256 * 1024);
            JourneyLogHeader header = header(file, in);
            if (header == null) {
                // Killed before its first flush was whole: nothing to read, and nothing wrong with the file.
                return new Result(null, 0, true);
            }
            visitor.header(header);
            return records(file, in, header, visitor);
        } catch (NoSuchFileException e) {
            throw new RunDataException("no " + file + " (journeys are recorded by queuebench run)");
        } catch (IOException e) {
            throw new RunDataException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static JourneyLogHeader header(Path file, ByteSource in) throws IOException {
        try {
            byte[] magic = new byte[JourneyLogWriter.MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, JourneyLogWriter.MAGIC)) {
                throw new BadInputException(file + " is not a journey log (it does not start with QBJ)");
            }
            long version = in.varint();
            if (version != JourneyLogWriter.VERSION) {
                throw new BadInputException(file + " is a journey log of version " + version + "; this queuebench "
                        + "reads version " + JourneyLogWriter.VERSION);
            }
            long baseMs = in.readLong();
            long ttl = in.varint();
            long injector = in.varint();
            if (ttl < 1 || ttl > 86_400 || injector > 100_000) {
                throw new BadInputException(file + " has a damaged header (heartbeat TTL " + ttl + " s, injector "
                        + injector + ")");
            }
            long prefixLength = in.varint();
            if (prefixLength < 0 || prefixLength > 4096) {
                throw new BadInputException(file + " has a damaged header (user prefix of " + prefixLength + " bytes)");
            }
            byte[] prefix = new byte[(int) prefixLength];
            in.readFully(prefix);
            return new JourneyLogHeader(baseMs, (int) ttl, (int) injector, new String(prefix, StandardCharsets.UTF_8));
        } catch (EOFException e) {
            return null;
        } catch (ZipException e) {
            throw new BadInputException(file + " is damaged (gzip: " + e.getMessage() + ") in its header");
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + " has a damaged header: " + e.getMessage());
        }
    }

    private static Result records(Path file, ByteSource in, JourneyLogHeader header, Visitor visitor)
            throws IOException {
        long base = header.baseEpochMs();
        long records = 0;
        try {
            while (true) {
                int type = in.read();
                if (type < 0) {
                    return new Result(header, records, false);
                }
                long user = in.varint();
                long atMs = base + zigzag(in.varint());
                if (type == JourneyLogWriter.END) {
                    visitor.end(user, atMs, JourneyEnd.ofCode(in.readUnsignedByte()));
                    records++;
                    continue;
                }
                long durationMs = in.varint();
                JourneyAnswer answer = JourneyAnswer.ofCode(in.readUnsignedByte());
                switch (type) {
                    case JourneyLogWriter.JOIN -> visitor.join(user, (int) in.varint(), atMs, durationMs, answer,
                            in.varint(), token(in));
                    case JourneyLogWriter.STATUS -> {
                        long position = in.varint();
                        long eta = in.varint() - 1;
                        visitor.status(user, atMs, durationMs, answer, position, eta, in.readUnsignedByte() != 0);
                    }
                    case JourneyLogWriter.ENTER -> {
                        boolean twin = in.readUnsignedByte() != 0;
                        visitor.enter(user, atMs, durationMs, answer, twin, token(in));
                    }
                    case JourneyLogWriter.LEAVE -> visitor.leave(user, atMs, durationMs, answer);
                    default -> throw new BadInputException(file + " is damaged: record " + (records + 1)
                            + " has unknown type " + type);
                }
                records++;
            }
        } catch (EOFException cut) {
            // A killed run: the gzip trailer (or the last record) is missing; what came before stands.
            return new Result(header, records, true);
        } catch (ZipException damaged) {
            throw new BadInputException(file + " is damaged after " + records + " records (gzip: "
                    + damaged.getMessage() + "): not a file cut short but one changed after it was written");
        } catch (IllegalArgumentException damaged) {
            throw new BadInputException(file + " is damaged at record " + (records + 1) + ": " + damaged.getMessage());
        }
    }

    private static WaitingToken token(ByteSource in) throws IOException {
        int present = in.readUnsignedByte();
        if (present == 0) {
            return WaitingToken.NONE;
        }
        return WaitingToken.ofFingerprint(in.readLong());
    }

    private static long zigzag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }
}
