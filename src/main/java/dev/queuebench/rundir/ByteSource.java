package dev.queuebench.rundir;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A buffered reader of bytes without locks: {@code DataInputStream} over {@code BufferedInputStream}
 * takes a lock per byte, which is most of the time of reading tens of millions of journey records.
 * Not thread-safe; one reader, one stream.
 */
final class ByteSource {
    private final InputStream in;
    private final byte[] buffer;
    private int position;
    private int limit;

    ByteSource(InputStream in, int bufferBytes) {
        this.in = in;
        this.buffer = new byte[bufferBytes];
    }

    /** The next byte (0-255), or -1 at the end of the stream. */
    int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    int readUnsignedByte() throws IOException {
        int b = read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }

    long readLong() throws IOException {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | readUnsignedByte();
        }
        return value;
    }

    void readFully(byte[] bytes) throws IOException {
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) readUnsignedByte();
        }
    }

    long varint() throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readUnsignedByte();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("a number longer than 64 bits");
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        while (read == 0) {
            read = in.read(buffer, 0, buffer.length);
        }
        if (read < 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }
}
