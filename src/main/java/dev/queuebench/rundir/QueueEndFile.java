package dev.queuebench.rundir;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * {@code queue-end.bin.gz}: the queue as Redis held it when the run ended, for the integrity audit's
 * end-state check: per event sorted set ({@code queue:event:{evt}}), its members' tokens (as
 * {@link WaitingToken#fingerprint()}s) and whether each still had a heartbeat key. Written once,
 * atomically, by {@code run} when it knows the Redis; read by the audit.
 *
 * <pre>
 * "QBQ" version:1 byte taken_at_ms:8 bytes events:4 bytes
 *   per event: key_length:2 bytes key:UTF-8 members:4 bytes, then per member fingerprint:8 bytes heartbeat:1 byte
 * </pre>
 */
public final class QueueEndFile {
    private static final byte[] MAGIC = "QBQ".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int MAX_KEY_BYTES = 4096;

    /** One event's queue: its key, and per member its token's fingerprint and whether its heartbeat lived. */
    public record EventQueue(String key, long[] fingerprints, boolean[] heartbeats) {
        public int withoutHeartbeat() {
            int count = 0;
            for (boolean heartbeat : heartbeats) {
                if (!heartbeat) {
                    count++;
                }
            }
            return count;
        }
    }

    /** The queue at the end of a run. */
    public record QueueEnd(long takenAtMs, List<EventQueue> events) {
        public long members() {
            return events.stream().mapToLong(event -> event.fingerprints().length).sum();
        }

        public long withoutHeartbeat() {
            return events.stream().mapToLong(EventQueue::withoutHeartbeat).sum();
        }

        /** Every member's fingerprint, sorted, with 1 (heartbeat) or 2 (none) in the same order, for lookups. */
        public Lookup lookup() {
            int n = (int) members();
            long[] keys = new long[n];
            long[] packed = new long[n];
            int i = 0;
            for (EventQueue event : events) {
                for (int m = 0; m < event.fingerprints().length; m++) {
                    keys[i++] = event.fingerprints()[m];
                }
            }
            long[] sorted = keys.clone();
            Arrays.sort(sorted);
            byte[] states = new byte[n];
            for (EventQueue event : events) {
                for (int m = 0; m < event.fingerprints().length; m++) {
                    int at = Arrays.binarySearch(sorted, event.fingerprints()[m]);
                    states[at] = (byte) (event.heartbeats()[m] ? 1 : 2);
                }
            }
            return new Lookup(sorted, states);
        }
    }

    /** Sorted fingerprints and each one's state: 1 in the queue with a heartbeat, 2 without. */
    public record Lookup(long[] sortedFingerprints, byte[] states) {
        /** 0 when the token was not in the queue, else 1 (with a heartbeat) or 2 (without). */
        public byte stateOf(WaitingToken token) {
            int at = Arrays.binarySearch(sortedFingerprints, token.fingerprint());
            return at < 0 ? 0 : states[at];
        }
    }

    private QueueEndFile() {
    }

    public static void write(Path file, QueueEnd queue) throws IOException {
        AtomicFiles.writeBinary(file, out -> {
            try (DataOutputStream data = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(out)))) {
                data.write(MAGIC);
                data.writeByte(VERSION);
                data.writeLong(queue.takenAtMs());
                data.writeInt(queue.events().size());
                for (EventQueue event : queue.events()) {
                    byte[] key = event.key().getBytes(StandardCharsets.UTF_8);
                    data.writeShort(key.length);
                    data.write(key);
                    data.writeInt(event.fingerprints().length);
                    for (int m = 0; m < event.fingerprints().length; m++) {
                        data.writeLong(event.fingerprints()[m]);
                        data.writeByte(event.heartbeats()[m] ? 1 : 0);
                    }
                }
            }
        });
    }

    /** The queue at the run's end, or null when the run did not record it. */
    public static QueueEnd read(RunFiles files) {
        if (!files.has(RunFiles.QUEUE_END)) {
            return null;
        }
        Path file = files.file(RunFiles.QUEUE_END);
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream data = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw)))) {
            byte[] magic = new byte[MAGIC.length];
            data.readFully(magic);
            if (!Arrays.equals(magic, MAGIC) || data.readUnsignedByte() != VERSION) {
                throw new BadInputException(file + " is not a queue snapshot of version " + VERSION
                        + " (written by queuebench run)");
            }
            long takenAt = data.readLong();
            int events = data.readInt();
            if (events < 0 || events > 1_000_000) {
                throw new BadInputException(file + " is damaged: " + events + " events");
            }
            List<EventQueue> queues = new ArrayList<>();
            for (int e = 0; e < events; e++) {
                int keyLength = data.readUnsignedShort();
                if (keyLength > MAX_KEY_BYTES) {
                    throw new BadInputException(file + " is damaged: a key of " + keyLength + " bytes");
                }
                byte[] key = new byte[keyLength];
                data.readFully(key);
                int members = data.readInt();
                if (members < 0 || members > 100_000_000) {
                    throw new BadInputException(file + " is damaged: " + members + " members");
                }
                long[] fingerprints = new long[members];
                boolean[] heartbeats = new boolean[members];
                for (int m = 0; m < members; m++) {
                    fingerprints[m] = data.readLong();
                    heartbeats[m] = data.readUnsignedByte() != 0;
                }
                queues.add(new EventQueue(new String(key, StandardCharsets.UTF_8), fingerprints, heartbeats));
            }
            return new QueueEnd(takenAt, queues);
        } catch (EOFException | ZipException e) {
            throw new BadInputException(file + " is cut short or not gzip (" + e.getMessage()
                    + "); it is written whole at the end of a run, so this one was damaged afterwards");
        } catch (IOException e) {
            throw new RunDataException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
