package dev.queuebench.record;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Gatling's binary {@code simulation.log}, incrementally: feed it bytes as they are written
 * and it hands every complete record to a {@link SimulationLogListener}, keeping an incomplete tail
 * for the next call. Written from Gatling 3.15.1's published sources ({@code LogFileDataWriter});
 * Gatling calls the file an implementation detail, so the version in the run record is checked
 * against {@link #SUPPORTED_GATLING_VERSIONS} and any other version is refused with a clear error.
 *
 * <p>The format, big-endian throughout ({@code java.io.DataOutput} conventions):
 * <pre>
 * record   := header:byte body
 * 0 run    := gatlingVersion:string simulationClass:string start:long(epoch ms) description:string
 *             scenarioCount:int scenario:string* assertionCount:int (length:int bytes)*
 * 1 request:= groupCount:int group:cachedString* name:cachedString start:int end:int (ms after run start)
 *             ok:byte(1|0) message:cachedString
 * 2 user   := scenarioIndex:int start:byte(1 start|0 end) timestamp:int (ms after run start)
 * 3 group  := groupCount:int group:cachedString* start:int end:int cumulatedResponseTime:int ok:byte
 * 4 error  := message:cachedString timestamp:int (ms after run start)
 * string   := length:int, then (if length > 0) the String's internal bytes and its coder byte
 *             (0 = Latin-1, 1 = UTF-16 in the writer's native byte order)
 * cachedString := index:int; index > 0: a string follows and gets that index; index < 0: the string
 *             cached under -index
 * </pre>
 */
public final class SimulationLogParser {
    /** The Gatling versions whose {@code simulation.log} this parser was written and tested for. */
    public static final Set<String> SUPPORTED_GATLING_VERSIONS = Set.of("3.15.1");

    private static final byte RUN = 0;
    private static final byte REQUEST = 1;
    private static final byte USER = 2;
    private static final byte GROUP = 3;
    private static final byte ERROR = 4;
    private static final Charset UTF16_NATIVE =
            ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;

    private final String source;
    private final SimulationLogListener listener;
    private final Map<Integer, String> stringCache = new HashMap<>();
    private final List<Map.Entry<Integer, String>> pendingCacheEntries = new ArrayList<>();
    private ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    private long consumedBytes;
    private long recordCount;
    private SimulationLogHeader header;

    /**
     * @param source names the file in error messages
     */
    public SimulationLogParser(String source, SimulationLogListener listener) {
        this.source = source;
        this.listener = listener;
        buffer.limit(0);
    }

    /** Parses every complete record in what has been fed so far plus {@code bytes[0..length)}. */
    public void feed(byte[] bytes, int length) {
        ensureRoom(length);
        int limit = buffer.limit();
        buffer.limit(limit + length);
        buffer.put(limit, bytes, 0, length);
        while (buffer.hasRemaining()) {
            int recordStart = buffer.position();
            try {
                parseRecord();
                if (!pendingCacheEntries.isEmpty()) {
                    for (Map.Entry<Integer, String> entry : pendingCacheEntries) {
                        stringCache.put(entry.getKey(), entry.getValue());
                    }
                    pendingCacheEntries.clear();
                }
                consumedBytes += buffer.position() - recordStart;
                recordCount++;
            } catch (BufferUnderflowException incomplete) {
                // The writer has not finished this record yet: keep it for the next call.
                buffer.position(recordStart);
                pendingCacheEntries.clear();
                return;
            }
        }
    }

    /** Bytes that form no complete record yet: non-zero at the end of a file means it was cut off. */
    public int incompleteTailBytes() {
        return buffer.remaining();
    }

    public long recordCount() {
        return recordCount;
    }

    public SimulationLogHeader header() {
        return header;
    }

    private void parseRecord() {
        byte type = buffer.get();
        if (header == null && type != RUN) {
            throw formatError("the file does not start with a run record (type " + type
                    + "): is it a Gatling simulation.log?");
        }
        switch (type) {
            case RUN -> parseRun();
            case REQUEST -> parseRequest();
            case USER -> parseUser();
            case GROUP -> parseGroup();
            case ERROR -> parseError();
            default -> throw formatError("unknown record type " + type);
        }
    }

    private void parseRun() {
        if (header != null) {
            throw formatError("a second run record");
        }
        String version = readString();
        if (!SUPPORTED_GATLING_VERSIONS.contains(version)) {
            throw new SimulationLogFormatException(source + " was written by Gatling '" + printable(version)
                    + "', and queuebench reads simulation.log only from Gatling " + SUPPORTED_GATLING_VERSIONS
                    + " (the format changes between versions). Re-run with the Gatling inside this queuebench jar.");
        }
        String simulationClass = readString();
        long startMillis = buffer.getLong();
        String description = readString();
        int scenarioCount = readCount("scenario count");
        List<String> scenarios = new ArrayList<>(scenarioCount);
        for (int i = 0; i < scenarioCount; i++) {
            scenarios.add(readString());
        }
        int assertionCount = readCount("assertion count");
        for (int i = 0; i < assertionCount; i++) {
            skip(readCount("assertion length"));
        }
        header = new SimulationLogHeader(version, simulationClass, startMillis, description, List.copyOf(scenarios));
        listener.onRun(header);
    }

    private void parseRequest() {
        skipGroups();
        String name = readCachedString();
        long start = header.startMillis() + buffer.getInt();
        long end = header.startMillis() + buffer.getInt();
        boolean ok = buffer.get() == 1;
        String message = readCachedString();
        listener.onRequest(name, start, end, ok, message);
    }

    private void parseUser() {
        buffer.getInt();
        boolean start = buffer.get() == 1;
        long timestamp = header.startMillis() + buffer.getInt();
        listener.onUser(start, timestamp);
    }

    private void parseGroup() {
        skipGroups();
        // start, end, cumulated response time, status: the journey uses no groups, nothing to record.
        skip(4 + 4 + 4 + 1);
    }

    private void parseError() {
        String message = readCachedString();
        long timestamp = header.startMillis() + buffer.getInt();
        listener.onError(message, timestamp);
    }

    private void skipGroups() {
        int groups = readCount("group count");
        for (int i = 0; i < groups; i++) {
            readCachedString();
        }
    }

    private String readCachedString() {
        int index = buffer.getInt();
        if (index > 0) {
            String value = readString();
            pendingCacheEntries.add(Map.entry(index, value));
            return value;
        }
        String cached = stringCache.get(-index);
        if (cached == null) {
            cached = pendingValue(-index);
        }
        if (cached == null) {
            throw formatError("reference to string #" + (-index) + " that was never written");
        }
        return cached;
    }

    private String pendingValue(int index) {
        for (Map.Entry<Integer, String> entry : pendingCacheEntries) {
            if (entry.getKey() == index) {
                return entry.getValue();
            }
        }
        return null;
    }

    private String readString() {
        int length = readCount("string length");
        if (length == 0) {
            return "";
        }
        byte[] value = new byte[length];
        buffer.get(value);
        byte coder = buffer.get();
        return switch (coder) {
            case 0 -> new String(value, StandardCharsets.ISO_8859_1);
            case 1 -> new String(value, UTF16_NATIVE);
            default -> throw formatError("unknown string coder " + coder);
        };
    }

    private int readCount(String what) {
        int value = buffer.getInt();
        if (value < 0 || value > (1 << 24)) {
            throw formatError("implausible " + what + " " + value);
        }
        return value;
    }

    private void skip(int bytes) {
        if (buffer.remaining() < bytes) {
            throw new BufferUnderflowException();
        }
        buffer.position(buffer.position() + bytes);
    }

    private void ensureRoom(int length) {
        buffer.compact();
        buffer.flip();
        if (buffer.capacity() - buffer.limit() < length) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.limit() + length));
            bigger.put(buffer);
            bigger.flip();
            buffer = bigger;
        }
    }

    private SimulationLogFormatException formatError(String what) {
        return new SimulationLogFormatException(source + ": corrupt simulation.log at byte " + consumedBytes
                + " (record " + (recordCount + 1) + "): " + what);
    }

    private static String printable(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
