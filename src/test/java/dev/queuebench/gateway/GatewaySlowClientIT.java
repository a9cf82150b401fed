package dev.queuebench.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Slow clients against a gateway with two worker threads and a 2 s body deadline: a body that
 * trickles or stalls holds a connection, never a worker, and is answered 408 at the deadline.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GatewaySlowClientIT {
    private static final int WORKER_THREADS = 2;
    private static final int BODY_DEADLINE_MILLIS = 2_000;
    private static final int SLOW_CONNECTIONS = 16;
    private static GatewayFixture gateway;

    @BeforeAll
    static void start() {
        gateway = GatewayFixture.start(GatewaySettings.defaults(),
                new GatewayServer.Options("127.0.0.1", 0, 1, WORKER_THREADS, BODY_DEADLINE_MILLIS));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void sixteenTricklingBodiesDoNotStarveTwoWorkersAndEachGets408() throws Exception {
        String token = gateway.joinToken("slow-bodies", "u1");
        ExecutorService clients = Executors.newFixedThreadPool(SLOW_CONNECTIONS);
        try {
            List<CompletableFuture<RawHttp.Answer>> slow = new ArrayList<>();
            for (int i = 0; i < SLOW_CONNECTIONS; i++) {
                slow.add(CompletableFuture.supplyAsync(() -> RawHttp.exchange(gateway.server.port(),
                        tricklingBody(), false, BODY_DEADLINE_MILLIS + 3_000), clients));
            }
            // Let every slow client's headers arrive and its body start.
            Thread.sleep(500);
            long startNanos = System.nanoTime();
            assertEquals(200, gateway.send(HttpRequest.newBuilder(gateway.uri("/healthz")).GET()).status());
            assertEquals(200, gateway.send(HttpRequest.newBuilder(gateway.uri("/readyz")).GET()).status());
            assertEquals(200, gateway.status(token).status());
            long servedMillis = (System.nanoTime() - startNanos) / 1_000_000;
            System.out.printf("with %d slow bodies on %d workers: /healthz, /readyz and a status poll took %d ms%n",
                    SLOW_CONNECTIONS, WORKER_THREADS, servedMillis);
            assertTrue(servedMillis < 1_000, "health, readiness and a status poll took " + servedMillis
                    + " ms while slow clients held connections");
            for (CompletableFuture<RawHttp.Answer> future : slow) {
                RawHttp.Answer answer = future.get(10, TimeUnit.SECONDS);
                assertEquals(408, answer.status(), answer.toString());
                assertEquals("REQUEST_TIMEOUT", answer.errorCode(), answer.toString());
                assertTrue(answer.head().contains("Connection: close"), answer.head());
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aStalledBodyIs408AndLogsNoStackTrace() {
        try (LoggedProblems logged = LoggedProblems.attach()) {
            RawHttp.Answer answer = RawHttp.exchange(gateway.server.port(),
                    "POST /api/v1/queue/enter HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"waiting_token\"",
                    BODY_DEADLINE_MILLIS + 3_000);
            assertEquals(408, answer.status(), answer.toString());
            assertEquals("REQUEST_TIMEOUT", answer.errorCode(), answer.toString());
            assertTrue(answer.elapsedMillis() >= BODY_DEADLINE_MILLIS - 100, answer.toString());
            assertEquals(List.of(), logged.problems());
        }
    }

    @Test
    void aBodyCutShortByTheClientIs400AndLogsNoStackTrace() {
        try (LoggedProblems logged = LoggedProblems.attach()) {
            RawHttp.Answer answer = RawHttp.exchange(gateway.server.port(), List.of(RawHttp.Piece.of(
                    "POST /api/v1/queue/join HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"event_id\"")),
                    true, BODY_DEADLINE_MILLIS + 3_000);
            assertEquals(400, answer.status(), answer.toString());
            assertEquals("INVALID_REQUEST", answer.errorCode(), answer.toString());
            assertEquals(List.of(), logged.problems());
        }
    }

    /** Headers at once, then one body byte every 250 ms: never silent long enough for a read timeout. */
    private static List<RawHttp.Piece> tricklingBody() {
        List<RawHttp.Piece> pieces = new ArrayList<>();
        pieces.add(RawHttp.Piece.of("POST /api/v1/queue/join HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n"));
        for (int i = 0; i < 40; i++) {
            pieces.add(new RawHttp.Piece(new byte[] {' '}, 250));
        }
        return pieces;
    }
}
