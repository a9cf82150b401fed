package dev.queuebench.record;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes records in Gatling 3.15.1's binary {@code simulation.log} format, the format that
 * {@link SimulationLogParser} documents, in the order and with the encodings of Gatling's own
 * {@code BufferedFileChannelWriter} and message serializers ({@code LogFileDataWriter.scala} at tag
 * {@code v3.15.1}): big-endian, timestamps as int offsets in ms from the run's start, request names
 * and messages through a string cache whose indexes start at 1 (a repeat is written as the negative
 * index), no groups and no assertions (the queue journey has neither).
 *
 * <p>Strings are written as Latin-1 (coder 0), which is what a JDK with compact strings holds for
 * the ASCII names and messages written here; a string outside Latin-1 is refused rather than
 * written in a form Gatling would not produce.
 */
final class SimulationLogWriter implements AutoCloseable {
    private static final byte RUN = 0;
    private static final byte REQUEST = 1;
    private static final byte USER = 2;
    private static final byte LATIN1_CODER = 0;

    private final OutputStream out;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    private final Map<String, Integer> stringCache = new HashMap<>();
    private int nextCacheIndex = 1;
    private long runStartMillis;
    private long bytesWritten;

    SimulationLogWriter(OutputStream out) {
        this.out = out;
    }

    /** The run record; must come first. Scenario indexes in {@link #user} refer to its scenarios. */
    void run(SimulationLogHeader header) throws IOException {
        runStartMillis = header.startMillis();
        writeByte(RUN);
        writeString(header.gatlingVersion());
        writeString(header.simulationClassName());
        room(Long.BYTES);
        buffer.putLong(header.startMillis());
        writeString(header.runDescription());
        writeInt(header.scenarios().size());
        for (String scenario : header.scenarios()) {
            writeString(scenario);
        }
        // assertion count
        writeInt(0);
    }

    void user(int scenarioIndex, boolean start, long timestampMillis) throws IOException {
        writeByte(USER);
        writeInt(scenarioIndex);
        writeByte(start ? (byte) 1 : 0);
        writeInt(offset(timestampMillis));
    }

    /** One request outside any group; {@code message} is empty for an OK, as Gatling writes it. */
    void request(String name, long startMillis, long endMillis, boolean ok, String message) throws IOException {
        writeByte(REQUEST);
        // group count
        writeInt(0);
        writeCachedString(name);
        writeInt(offset(startMillis));
        writeInt(offset(endMillis));
        writeByte(ok ? (byte) 1 : 0);
        writeCachedString(message);
    }

    long bytesWritten() {
        return bytesWritten + buffer.position();
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }

    private int offset(long timestampMillis) {
        return Math.toIntExact(timestampMillis - runStartMillis);
    }

    private void writeCachedString(String value) throws IOException {
        Integer cached = stringCache.get(value);
        if (cached != null) {
            writeInt(-cached);
            return;
        }
        writeInt(nextCacheIndex);
        writeString(value);
        stringCache.put(value, nextCacheIndex++);
    }

    private void writeString(String value) throws IOException {
        if (value.isEmpty()) {
            writeInt(0);
            return;
        }
        byte[] latin1 = value.getBytes(StandardCharsets.ISO_8859_1);
        if (!new String(latin1, StandardCharsets.ISO_8859_1).equals(value)) {
            throw new IllegalArgumentException("only Latin-1 strings are supported, got '" + value + "'");
        }
        room(Integer.BYTES + latin1.length + 1);
        buffer.putInt(latin1.length);
        buffer.put(latin1);
        buffer.put(LATIN1_CODER);
    }

    private void writeInt(int value) throws IOException {
        room(Integer.BYTES);
        buffer.putInt(value);
    }

    private void writeByte(byte value) throws IOException {
        room(1);
        buffer.put(value);
    }

    private void room(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            flush();
        }
    }

    private void flush() throws IOException {
        out.write(buffer.array(), 0, buffer.position());
        bytesWritten += buffer.position();
        buffer.clear();
    }
}
