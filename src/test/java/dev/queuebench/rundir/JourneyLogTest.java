package dev.queuebench.rundir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JourneyLogTest {
    private static final long BASE = 1_800_000_000_000L;
    private static final String RESERVATION = "0f8fad5b-d9cb-469f-a165-70867728950e";

    @TempDir
    Path dir;

    /** Every field of every record type comes back as written. */
    @Test
    void recordsComeBackAsWritten() throws IOException {
        Path file = dir.resolve(RunFiles.JOURNEYS);
        try (JourneyLogWriter writer = JourneyLogWriter.create(file, new JourneyLogHeader(BASE, 300, 2, "run-i2"))) {
            writer.join(7, 3, BASE + 10, 4, JourneyAnswer.OK, 12, "7c9e6679-7425-40de-944b-e07fc1f90ae7");
            writer.status(7, BASE + 2_010, 3, JourneyAnswer.OK, 11, 0, true);
            writer.status(7, BASE + 2_020, 3, JourneyAnswer.OK, 11, -1, false);
            writer.enter(7, BASE + 2_030, 5, JourneyAnswer.OK, true, RESERVATION);
            writer.enter(8, BASE + 5, 10_000, JourneyAnswer.NO_RESPONSE, false, null);
            writer.leave(9, BASE - 3, 1, JourneyAnswer.TOKEN_EXPIRED);
            writer.end(7, BASE + 2_040, JourneyEnd.ADMITTED);
        }
        List<String> seen = new ArrayList<>();
        JourneyLogReader.Result result = JourneyLogReader.read(file, new JourneyLogReader.Visitor() {
            @Override
            public void header(JourneyLogHeader header) {
                seen.add("header " + header);
            }

            @Override
            public void join(long user, int eventIndex, long sendMs, long durationMs, JourneyAnswer answer,
                    long positionHint, WaitingToken token) {
                seen.add("join " + user + " " + eventIndex + " " + (sendMs - BASE) + " " + durationMs + " " + answer + " "
                        + positionHint + " " + (token.fingerprint() == WaitingToken.of("7c9e6679-7425-40de-944b-e07fc1f90ae7").fingerprint()));
            }

            @Override
            public void status(long user, long sendMs, long durationMs, JourneyAnswer answer, long position, long etaSec,
                    boolean ready) {
                seen.add("status " + user + " " + (sendMs - BASE) + " " + durationMs + " " + answer + " " + position + " "
                        + etaSec + " " + ready);
            }

            @Override
            public void enter(long user, long sendMs, long durationMs, JourneyAnswer answer, boolean twin,
                    WaitingToken token) {
                seen.add("enter " + user + " " + (sendMs - BASE) + " " + durationMs + " " + answer + " " + twin + " "
                        + (token.isNone() ? "none" : token.fingerprint() == WaitingToken.of(RESERVATION).fingerprint()));
            }

            @Override
            public void leave(long user, long sendMs, long durationMs, JourneyAnswer answer) {
                seen.add("leave " + user + " " + (sendMs - BASE) + " " + durationMs + " " + answer);
            }

            @Override
            public void end(long user, long atMs, JourneyEnd end) {
                seen.add("end " + user + " " + (atMs - BASE) + " " + end);
            }
        });
        assertEquals(List.of(
                "header JourneyLogHeader[baseEpochMs=" + BASE + ", heartbeatTtlSec=300, injectorIndex=2, userPrefix=run-i2]",
                "join 7 3 10 4 OK 12 true",
                "status 7 2010 3 OK 11 0 true",
                "status 7 2020 3 OK 11 -1 false",
                "enter 7 2030 5 OK true true",
                "enter 8 5 10000 NO_RESPONSE false none",
                "leave 9 -3 1 TOKEN_EXPIRED",
                "end 7 2040 ADMITTED"), seen);
        assertEquals(7, result.records());
        assertFalse(result.cutShort());
    }

    /** A run killed mid-write: every prefix of the file reads without error, gives whole records only, and says so. */
    @Test
    void aFileCutAnywhereGivesTheRecordsBeforeTheCut() throws IOException {
        Path file = dir.resolve(RunFiles.JOURNEYS);
        try (JourneyLogWriter writer = JourneyLogWriter.create(file, new JourneyLogHeader(BASE, 300, 0, "p"))) {
            for (int user = 0; user < 2_000; user++) {
                writer.join(user, 0, BASE + user, 3, JourneyAnswer.OK, user + 1, "7c9e6679-7425-40de-944b-e07fc1f90ae7");
                writer.status(user, BASE + user + 2_000, 2, JourneyAnswer.OK, user + 1, 40, false);
                if (user % 500 == 0) {
                    writer.flush();
                }
            }
        }
        byte[] whole = Files.readAllBytes(file);
        long previous = -1;
        int cuts = 0;
        for (int length = 11; length < whole.length; length += Math.max(1, whole.length / 40)) {
            Path cut = dir.resolve("cut-" + length + ".gz");
            Files.write(cut, Arrays.copyOf(whole, length));
            JourneyLogReader.Result result = JourneyLogReader.read(cut, new JourneyLogReader.Visitor() {
            });
            assertTrue(result.cutShort(), "cut at " + length);
            assertTrue(result.records() >= previous, "records only grow with the length of the file");
            assertTrue(result.records() <= 4_000);
            previous = result.records();
            cuts++;
        }
        assertTrue(cuts > 30);
        assertTrue(previous > 1_000, "the flushes made most records readable before the end: " + previous);
    }

    @Test
    void aFileThatIsNotAJourneyLogIsRefusedNamingIt() throws IOException {
        Path text = dir.resolve("text.gz");
        Files.writeString(text, "user,ok\n1,2\n");
        BadInputException notGzip = assertThrows(BadInputException.class,
                () -> JourneyLogReader.read(text, new JourneyLogReader.Visitor() {
                }));
        assertTrue(notGzip.getMessage().contains("text.gz") && notGzip.getMessage().contains("not a journey log"),
                notGzip.getMessage());

        Path other = dir.resolve("other.gz");
        Files.write(other, gzip("PK\u0003\u0004 something else".getBytes(StandardCharsets.ISO_8859_1)));
        BadInputException wrongMagic = assertThrows(BadInputException.class,
                () -> JourneyLogReader.read(other, new JourneyLogReader.Visitor() {
                }));
        assertTrue(wrongMagic.getMessage().contains("does not start with QBJ"), wrongMagic.getMessage());

        Path missing = dir.resolve("missing.gz");
        assertThrows(RunDataException.class, () -> JourneyLogReader.read(missing, new JourneyLogReader.Visitor() {
        }));
    }

    /** Random bytes after a valid header: refused or read as cut short, never a crash, a hang or a huge allocation. */
    @Test
    void hostileBytesAfterTheHeaderNeverCrashTheReader() throws IOException {
        Random random = new Random(17);
        for (int trial = 0; trial < 200; trial++) {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            raw.write("QBJ".getBytes(StandardCharsets.US_ASCII));
            raw.write(2);
            raw.write(new byte[8]);
            raw.write(new byte[] {(byte) 200, 2, 0, 1, 'p'});
            byte[] noise = new byte[random.nextInt(400)];
            random.nextBytes(noise);
            raw.write(noise);
            Path file = dir.resolve("noise-" + trial + ".gz");
            Files.write(file, gzip(raw.toByteArray()));
            try {
                JourneyLogReader.read(file, new JourneyLogReader.Visitor() {
                });
            } catch (BadInputException refused) {
                assertTrue(refused.getMessage().contains(file.getFileName().toString()), refused.getMessage());
            }
        }
    }

    /** Many Gatling threads append at once; every record arrives whole. */
    @Test
    void concurrentWritersLoseNothing() throws Exception {
        Path file = dir.resolve(RunFiles.JOURNEYS);
        int threads = 4;
        int perThread = 25_000;
        try (JourneyLogWriter writer = JourneyLogWriter.create(file, new JourneyLogHeader(BASE, 300, 0, "p"))) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                int first = t * perThread;
                pool.submit(() -> {
                    for (int user = first; user < first + perThread; user++) {
                        writer.status(user, BASE + user, 1, JourneyAnswer.OK, user, user % 7, user % 2 == 0);
                    }
                });
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        }
        AtomicLong sum = new AtomicLong();
        JourneyLogReader.Result result = JourneyLogReader.read(file, new JourneyLogReader.Visitor() {
            @Override
            public void status(long user, long sendMs, long durationMs, JourneyAnswer answer, long position, long etaSec,
                    boolean ready) {
                assertEquals(user, position);
                assertEquals(BASE + user, sendMs);
                assertEquals(user % 7, etaSec);
                sum.addAndGet(user);
            }
        });
        long n = (long) threads * perThread;
        assertEquals(n, result.records());
        assertEquals(n * (n - 1) / 2, sum.get());
        assertFalse(result.cutShort());
    }

    /** A writer fed faster than its flusher compresses flushes from the caller: memory stays bounded. */
    @Test
    void aWriterFedFasterThanItFlushesStaysBounded() throws IOException {
        Path file = dir.resolve(RunFiles.JOURNEYS);
        long records = 3_000_000;
        int most = 0;
        try (JourneyLogWriter writer = JourneyLogWriter.create(file, new JourneyLogHeader(BASE, 300, 0, "p"))) {
            for (long user = 0; user < records; user++) {
                writer.join(user, 0, BASE + user, 3, JourneyAnswer.OK, 1, "7c9e6679-7425-40de-944b-e07fc1f90ae7");
                if (user % 1_000 == 0) {
                    most = Math.max(most, writer.bufferedBytes());
                }
            }
        }
        // 3M joins are about 90 MB: more than the flusher compresses in the time they take to append.
        assertTrue(most <= JourneyLogWriter.MAX_BUFFER_BYTES, "buffer grew to " + most + " bytes");
        JourneyLogReader.Result result = JourneyLogReader.read(file, new JourneyLogReader.Visitor() {
        });
        assertEquals(records, result.records());
    }

    @Test
    void answersFollowTheGatewaysCodesBeforeTheStatus() {
        assertEquals(JourneyAnswer.TOKEN_EXPIRED, JourneyAnswer.of(404, "TOKEN_EXPIRED"));
        assertEquals(JourneyAnswer.TOKEN_NOT_FOUND, JourneyAnswer.of(404, "TOKEN_NOT_FOUND"));
        assertEquals(JourneyAnswer.CLIENT_ERROR, JourneyAnswer.of(404, null));
        assertEquals(JourneyAnswer.NOT_READY, JourneyAnswer.of(403, "NOT_READY"));
        assertEquals(JourneyAnswer.UNAVAILABLE, JourneyAnswer.of(503, "REDIS_UNAVAILABLE"));
        assertEquals(JourneyAnswer.SERVER_ERROR, JourneyAnswer.of(500, null));
        assertEquals(JourneyAnswer.NO_RESPONSE, JourneyAnswer.of(0, null));
        assertEquals(JourneyAnswer.OK, JourneyAnswer.of(202, null));
        assertTrue(JourneyAnswer.TOKEN_EXPIRED.refusesToken() && !JourneyAnswer.NOT_READY.refusesToken());
    }

    @Test
    void theQueueSnapshotComesBackAsWrittenAndADamagedOneIsRefused() throws IOException {
        QueueEndFile.QueueEnd queue = new QueueEndFile.QueueEnd(BASE, List.of(
                new QueueEndFile.EventQueue("queue:event:{evt-0}", new long[] {3, -7}, new boolean[] {true, false}),
                new QueueEndFile.EventQueue("queue:event:{evt-1}", new long[0], new boolean[0])));
        QueueEndFile.write(dir.resolve(RunFiles.QUEUE_END), queue);
        QueueEndFile.QueueEnd read = QueueEndFile.read(new RunFiles(dir));
        assertEquals(BASE, read.takenAtMs());
        assertEquals(2, read.members());
        assertEquals(1, read.withoutHeartbeat());
        assertEquals("queue:event:{evt-1}", read.events().get(1).key());
        QueueEndFile.Lookup lookup = read.lookup();
        assertEquals(2, lookup.stateOf(new WaitingToken(-7, 0)));

        byte[] whole = Files.readAllBytes(dir.resolve(RunFiles.QUEUE_END));
        Files.write(dir.resolve(RunFiles.QUEUE_END), Arrays.copyOf(whole, whole.length - 12));
        BadInputException cut = assertThrows(BadInputException.class, () -> QueueEndFile.read(new RunFiles(dir)));
        assertTrue(cut.getMessage().contains(RunFiles.QUEUE_END), cut.getMessage());
        Files.delete(dir.resolve(RunFiles.QUEUE_END));
        assertEquals(null, QueueEndFile.read(new RunFiles(dir)));
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
