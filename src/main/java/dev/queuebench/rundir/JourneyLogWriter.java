package dev.queuebench.rundir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * Appends the journeys of one injector to {@code journeys.bin.gz} as they happen: every request's
 * answer and every journey's end (format on {@link JourneyLogReader}). Safe to call from any number
 * of threads: a call encodes a dozen bytes into a memory buffer under a lock; a background thread
 * compresses the buffer and flushes it to the file twice a second, so a run that dies leaves every
 * record up to the last flush readable. A buffer past {@link #MAX_BUFFER_BYTES} is flushed by the
 * caller that filled it (outside the buffer's lock), so memory stays bounded.
 */
public final class JourneyLogWriter implements AutoCloseable {
    static final byte[] MAGIC = "QBJ".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 2;
    static final int JOIN = 1;
    static final int STATUS = 2;
    static final int ENTER = 3;
    static final int LEAVE = 4;
    static final int END = 5;
    static final long FLUSH_INTERVAL_MILLIS = 500;
    /**
     * Past this much unwritten, the appending thread compresses and writes itself: a writer that cannot
     * keep up slows its callers a little instead of growing without bound.
     */
    static final int MAX_BUFFER_BYTES = 8 * 1024 * 1024;

    private final long baseEpochMs;
    private final OutputStream out;
    private final ScheduledExecutorService flusher;
    private final Object fileLock = new Object();
    private byte[] buffer = new byte[64 * 1024];
    private int length;
    private byte[] spare = new byte[64 * 1024];
    private long records;
    private boolean closed;
    private volatile IOException failure;

    private JourneyLogWriter(long baseEpochMs, OutputStream out) {
        this.baseEpochMs = baseEpochMs;
        this.out = out;
        this.flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "journey-log-flusher");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_INTERVAL_MILLIS, FLUSH_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** Creates (or replaces) the file and writes its header. */
    public static JourneyLogWriter create(Path file, JourneyLogHeader header) throws IOException {
        OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 64 * 1024, true);
        JourneyLogWriter writer = new JourneyLogWriter(header.baseEpochMs(), out);
        synchronized (writer) {
            writer.bytes(MAGIC);
            writer.varint(VERSION);
            writer.fixedLong(header.baseEpochMs());
            writer.varint(header.heartbeatTtlSec());
            writer.varint(header.injectorIndex());
            byte[] prefix = header.userPrefix().getBytes(StandardCharsets.UTF_8);
            writer.varint(prefix.length);
            writer.bytes(prefix);
        }
        writer.flush();
        return writer;
    }

    /**
     * @param sendEpochMs when the request was sent
     * @param durationMs  until its answer (or until it gave up)
     * @param positionHint the join's {@code position_hint}, 0 when absent
     * @param waitingToken the token the join gave, null when it failed
     */
    public void join(long user, int eventIndex, long sendEpochMs, long durationMs, JourneyAnswer answer,
            long positionHint, String waitingToken) {
        WaitingToken token = WaitingToken.of(waitingToken);
        boolean full;
        synchronized (this) {
            request(JOIN, user, sendEpochMs, durationMs, answer);
            varint(eventIndex);
            varint(positionHint);
            token(token);
            full = length > MAX_BUFFER_BYTES;
        }
        if (full) {
            flushQuietly();
        }
    }

    /**
     * @param position 0 when the answer had none
     * @param etaSec   negative when the answer had none
     */
    public void status(long user, long sendEpochMs, long durationMs, JourneyAnswer answer, long position,
            long etaSec, boolean readyForEntry) {
        boolean full;
        synchronized (this) {
            request(STATUS, user, sendEpochMs, durationMs, answer);
            varint(position);
            varint(etaSec < 0 ? 0 : etaSec + 1);
            buffer(1)[length++] = (byte) (readyForEntry ? 1 : 0);
            full = length > MAX_BUFFER_BYTES;
        }
        if (full) {
            flushQuietly();
        }
    }

    /**
     * @param twin true for the second of a double click, sent at the same moment as the first
     * @param reservationToken the granted reservation token, null when not granted
     */
    public void enter(long user, long sendEpochMs, long durationMs, JourneyAnswer answer, boolean twin,
            String reservationToken) {
        WaitingToken token = WaitingToken.of(reservationToken);
        boolean full;
        synchronized (this) {
            request(ENTER, user, sendEpochMs, durationMs, answer);
            buffer(1)[length++] = (byte) (twin ? 1 : 0);
            token(token);
            full = length > MAX_BUFFER_BYTES;
        }
        if (full) {
            flushQuietly();
        }
    }

    public void leave(long user, long sendEpochMs, long durationMs, JourneyAnswer answer) {
        boolean full;
        synchronized (this) {
            request(LEAVE, user, sendEpochMs, durationMs, answer);
            full = length > MAX_BUFFER_BYTES;
        }
        if (full) {
            flushQuietly();
        }
    }

    public void end(long user, long atEpochMs, JourneyEnd end) {
        boolean full;
        synchronized (this) {
            buffer(1)[length++] = END;
            varint(user);
            zigzag(atEpochMs - baseEpochMs);
            buffer(1)[length++] = (byte) end.ordinal();
            records++;
            full = length > MAX_BUFFER_BYTES;
        }
        if (full) {
            flushQuietly();
        }
    }

    /** Bytes appended and not yet handed to the compressor. */
    synchronized int bufferedBytes() {
        return length;
    }

    public synchronized long records() {
        return records;
    }

    /** Writes what is buffered to the file now. */
    public void flush() throws IOException {
        synchronized (fileLock) {
            byte[] full;
            int fullLength;
            synchronized (this) {
                full = buffer;
                fullLength = length;
                buffer = spare;
                length = 0;
            }
            try {
                if (fullLength > 0) {
                    out.write(full, 0, fullLength);
                }
                out.flush();
            } finally {
                synchronized (this) {
                    spare = full;
                }
            }
        }
        IOException failed = failure;
        if (failed != null) {
            throw failed;
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        flusher.shutdownNow();
        try {
            flush();
        } finally {
            synchronized (fileLock) {
                out.close();
            }
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (IOException | UncheckedIOException e) {
            failure = e instanceof IOException io ? io : ((UncheckedIOException) e).getCause();
        }
    }

    private void request(int type, long user, long sendEpochMs, long durationMs, JourneyAnswer answer) {
        buffer(1)[length++] = (byte) type;
        varint(user);
        zigzag(sendEpochMs - baseEpochMs);
        varint(Math.max(0, durationMs));
        buffer(1)[length++] = (byte) answer.ordinal();
        records++;
    }

    private void token(WaitingToken token) {
        if (token.isNone()) {
            buffer(1)[length++] = 0;
            return;
        }
        buffer(1)[length++] = 1;
        fixedLong(token.fingerprint());
    }

    private void fixedLong(long value) {
        byte[] b = buffer(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            b[length++] = (byte) (value >>> shift);
        }
    }

    private void zigzag(long value) {
        varint((value << 1) ^ (value >> 63));
    }

    private void varint(long value) {
        byte[] b = buffer(10);
        long v = value;
        while ((v & ~0x7FL) != 0) {
            b[length++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[length++] = (byte) v;
    }

    private void bytes(byte[] bytes) {
        System.arraycopy(bytes, 0, buffer(bytes.length), length, bytes.length);
        length += bytes.length;
    }

    private byte[] buffer(int needed) {
        if (length + needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + needed));
        }
        return buffer;
    }
}
