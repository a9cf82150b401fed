package dev.queuebench.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * The bad-input sweep of issue 17: a table of hostile requests (broken request lines, lying lengths,
 * chunked bombs, slow and stalled clients, malformed JSON and UTF-8, huge and hostile ids, wrong
 * methods and paths, too many headers and parameters, control characters) sent over raw sockets to a
 * real gateway with two worker threads and a 1.5 s body deadline, all at once. Every case must be
 * answered (or, where the table says so, let go) within {@link #BOUND_MILLIS}, never with a 5xx, and
 * every answer's body must be the error JSON; meanwhile health and readiness keep answering and
 * nothing is logged at WARN or above.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GatewayBadInputSweepIT {
    private static final int WORKER_THREADS = 2;
    private static final int BODY_DEADLINE_MILLIS = 1_500;
    /** The body deadline, the read timeout's margin after it, and slack for a loaded machine. */
    private static final long BOUND_MILLIS = BODY_DEADLINE_MILLIS + 2_000 + 2_500;
    /**
     * No probe may wait as long as a slow client is allowed to take: that would mean it queued
     * behind one. On a quiet machine they take a few milliseconds; the sweep's own burst of
     * requests on two cores is what takes them to a few hundred.
     */
    private static final long PROBE_ANSWER_MILLIS = BODY_DEADLINE_MILLIS;
    private static final int CONCURRENT_CLIENTS = 16;

    /** What a case may get besides a non-5xx answer in the error shape. */
    enum Allowance {
        /** Nothing else. */
        NONE,
        /** Undertow's own bare 400, written before any handler runs (a request it cannot parse). */
        BARE_400,
        /** The connection closed unanswered: a request whose head never completes. */
        CLOSE
    }

    /** One hostile request; {@code mustRefuse} when no 2xx is acceptable either (it must not be taken as valid). */
    record SweepCase(String name, List<RawHttp.Piece> pieces, boolean halfClose, Allowance allowance,
            boolean mustRefuse) {
        SweepCase(String name, List<RawHttp.Piece> pieces, boolean halfClose, Allowance allowance) {
            this(name, pieces, halfClose, allowance, false);
        }
    }

    private static GatewayFixture gateway;
    private static LoggedProblems logged;
    private static final Map<SweepCase, RawHttp.Answer> ANSWERS = new LinkedHashMap<>();
    private static final Map<String, AtomicLong> SLOWEST_PROBE_MILLIS = Map.of("/healthz", new AtomicLong(),
            "/readyz", new AtomicLong());
    private static long sweepMillis;

    @BeforeAll
    static void sweep() throws Exception {
        gateway = GatewayFixture.start(GatewaySettings.defaults(),
                new GatewayServer.Options("127.0.0.1", 0, 2, WORKER_THREADS, BODY_DEADLINE_MILLIS));
        String token = gateway.joinToken("sweep", "holder");
        List<SweepCase> cases = cases(token);
        logged = LoggedProblems.attach();
        AtomicBoolean sweeping = new AtomicBoolean(true);
        Thread prober = new Thread(() -> probeWhile(sweeping), "sweep-prober");
        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT_CLIENTS);
        long startNanos = System.nanoTime();
        try {
            prober.start();
            Map<SweepCase, Future<RawHttp.Answer>> pending = new LinkedHashMap<>();
            for (SweepCase sweepCase : cases) {
                pending.put(sweepCase, clients.submit(() -> RawHttp.exchange(gateway.server.port(),
                        sweepCase.pieces(), sweepCase.halfClose(), BOUND_MILLIS)));
            }
            for (Map.Entry<SweepCase, Future<RawHttp.Answer>> entry : pending.entrySet()) {
                ANSWERS.put(entry.getKey(), entry.getValue().get(BOUND_MILLIS * 4, TimeUnit.MILLISECONDS));
            }
        } finally {
            sweepMillis = (System.nanoTime() - startNanos) / 1_000_000;
            sweeping.set(false);
            prober.join(5_000);
            clients.shutdownNow();
            logged.close();
        }
        System.out.printf("bad-input sweep: %d cases in %d ms; slowest probe: /healthz %d ms, /readyz %d ms%n",
                ANSWERS.size(), sweepMillis, SLOWEST_PROBE_MILLIS.get("/healthz").get(),
                SLOWEST_PROBE_MILLIS.get("/readyz").get());
        ANSWERS.forEach((sweepCase, answer) -> System.out.printf("  %-60s %s%n", sweepCase.name(),
                answer.toString().replace("\r", "").replace("\n", " ")));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCaseIsAnsweredInTimeWithoutA5xxAndInTheErrorShape() {
        return ANSWERS.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey().name(),
                () -> assertAcceptable(entry.getKey(), entry.getValue())));
    }

    @Test
    void theSweepIsBroadAndBounded() {
        assertTrue(ANSWERS.size() >= 150, "only " + ANSWERS.size() + " cases");
        assertTrue(sweepMillis < 30_000, "the sweep took " + sweepMillis + " ms");
    }

    @Test
    void healthAndReadinessAnsweredThroughoutTheSweep() {
        SLOWEST_PROBE_MILLIS.forEach((path, slowestMillis) -> assertTrue(slowestMillis.get() < PROBE_ANSWER_MILLIS,
                "slowest " + path + " during the sweep: " + slowestMillis.get() + " ms"));
    }

    @Test
    void nothingWasLoggedAtWarnOrWithAStackTrace() {
        assertEquals(List.of(), logged.problems());
    }

    @Test
    void theGatewayStillServesAfterTheSweep() {
        assertEquals(202, gateway.join("sweep", "after").status());
    }

    private static void assertAcceptable(SweepCase sweepCase, RawHttp.Answer answer) {
        String what = sweepCase.name() + " -> " + answer;
        assertFalse(answer.timedOut(), "no answer and no close within " + BOUND_MILLIS + " ms: " + what);
        if (answer.closedUnanswered()) {
            assertEquals(Allowance.CLOSE, sweepCase.allowance(), "closed without an answer: " + what);
            return;
        }
        assertTrue(answer.status() >= (sweepCase.mustRefuse() ? 400 : 200) && answer.status() < 500, what);
        boolean headRequest = new String(sweepCase.pieces().get(0).bytes(), StandardCharsets.ISO_8859_1)
                .startsWith("HEAD ");
        if (headRequest) {
            assertTrue(answer.head().contains("Content-Type: application/json"), "HEAD answer not typed JSON: " + what);
        } else if (answer.status() == 400 && answer.body().isEmpty()) {
            assertTrue(sweepCase.allowance() != Allowance.NONE, "a bare 400 without the error JSON: " + what);
        } else if (answer.status() >= 400) {
            assertNotNull(answer.errorCode(), "not the error shape: " + what);
        } else if (!answer.body().isEmpty()) {
            assertTrue(answer.isJson(), "not JSON: " + what);
        }
    }

    private static void probeWhile(AtomicBoolean sweeping) {
        while (sweeping.get()) {
            for (String path : List.of("/healthz", "/readyz")) {
                long startNanos = System.nanoTime();
                int status;
                try {
                    status = gateway.send(HttpRequest.newBuilder(gateway.uri(path)).GET()).status();
                } catch (AssertionError failed) {
                    status = -1;
                }
                long tookMillis = (System.nanoTime() - startNanos) / 1_000_000;
                SLOWEST_PROBE_MILLIS.get(path).accumulateAndGet(status == 200 ? tookMillis : Long.MAX_VALUE, Math::max);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    // ---- the table ----

    private static List<SweepCase> cases(String token) {
        List<SweepCase> cases = new ArrayList<>();
        slowClients(cases);
        methodsAndPaths(cases);
        contentLengths(cases);
        chunkedBodies(cases);
        jsonBodies(cases, token);
        byteOrderMark(cases);
        queryStrings(cases);
        headers(cases);
        requestLines(cases);
        return cases;
    }

    private static void slowClients(List<SweepCase> cases) {
        List<RawHttp.Piece> headerDrip = new ArrayList<>(List.of(RawHttp.Piece.of("GET /healthz HTTP/1.1\r\n")));
        for (int i = 0; i < 12; i++) {
            headerDrip.add(new RawHttp.Piece(("X-Drip-" + i + ": v\r\n").getBytes(), 300));
        }
        cases.add(new SweepCase("slowloris headers, one line every 300 ms", headerDrip, false, Allowance.CLOSE));
        cases.add(new SweepCase("request line never finished", List.of(RawHttp.Piece.of("GET /heal")), false,
                Allowance.CLOSE));
        for (String path : List.of(QueueApiHandler.JOIN, QueueApiHandler.ENTER)) {
            cases.add(new SweepCase("slow body on " + path + ", a byte every 250 ms", trickle(path,
                    "Content-Length: 1000\r\n", " "), false, Allowance.NONE));
            cases.add(new SweepCase("slow chunked body on " + path, trickle(path,
                    "Transfer-Encoding: chunked\r\n", "1\r\n \r\n"), false, Allowance.NONE));
            cases.add(new SweepCase("stalled body on " + path, List.of(RawHttp.Piece.of(post(path,
                    "Content-Length: 100\r\n", "{\"x\""))), false, Allowance.NONE));
        }
        cases.add(new SweepCase("stalled chunked body", List.of(RawHttp.Piece.of(post(QueueApiHandler.JOIN,
                "Transfer-Encoding: chunked\r\n", "10\r\n{\"event"))), false, Allowance.NONE));
        cases.add(new SweepCase("Expect: 100-continue, then no body", List.of(RawHttp.Piece.of(post(
                QueueApiHandler.JOIN, "Expect: 100-continue\r\nContent-Length: 40\r\n", ""))), false, Allowance.NONE));
        cases.add(new SweepCase("slow body on GET status", trickle("GET", "/api/v1/queue/status?token=t",
                "Content-Length: 1000\r\n", " "), false, Allowance.NONE));
    }

    private static List<RawHttp.Piece> trickle(String path, String framing, String drop) {
        return trickle("POST", path, framing, drop);
    }

    private static List<RawHttp.Piece> trickle(String method, String target, String framing, String drop) {
        List<RawHttp.Piece> pieces = new ArrayList<>();
        pieces.add(RawHttp.Piece.of(method + " " + target + " HTTP/1.1\r\nHost: x\r\n" + framing + "\r\n"));
        for (int i = 0; i < 20; i++) {
            pieces.add(new RawHttp.Piece(drop.getBytes(), 250));
        }
        return pieces;
    }

    private static void methodsAndPaths(List<SweepCase> cases) {
        List<String> methods = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "post", "Get",
                "FOO");
        List<String> targets = List.of(QueueApiHandler.JOIN, "/api/v1/queue/status?token=t", QueueApiHandler.ENTER,
                "/api/v1/queue/leave?token=t", "/healthz", "/", "/api/v1/queue/../../../etc/passwd",
                "/%2e%2e/%2e%2e/etc/passwd", "//api/v1/queue/join", "/API/V1/QUEUE/JOIN", "/api/v1/queue/join/",
                "/api/v1/queue/join;jsessionid=x", "/api/v1/queue/status/../join");
        for (String method : methods) {
            for (String target : targets) {
                String request = request(method, target, "Content-Length: 2\r\n", "{}");
                // Methods are case-sensitive: "post" is no POST.
                cases.add(method.equals(method.toUpperCase(Locale.ROOT)) ? json(method + " " + target, request)
                        : refused(method + " " + target, request));
            }
        }
    }

    private static void contentLengths(List<SweepCase> cases) {
        for (String length : List.of("18446744073709551616", "1180591620717411303424", "36893488147419103237",
                "99999999999", "16385", "0000000000000000000000002")) {
            cases.add(json("Content-Length: " + length, post(QueueApiHandler.JOIN,
                    "Content-Length: " + length + "\r\n", "{}")));
        }
        for (String length : List.of("9223372036854775807", "9223372036854775808", "-1", "abc", "1e3", "+2", "0x10", "", "2, 2")) {
            cases.add(parserMayRefuse("Content-Length: " + length, post(QueueApiHandler.JOIN,
                    "Content-Length: " + length + "\r\n", "{}")));
        }
        cases.add(parserMayRefuse("two Content-Length headers", post(QueueApiHandler.JOIN,
                "Content-Length: 2\r\nContent-Length: 30\r\n", "{}")));
        cases.add(joinCase("Content-Length 0 with a body behind it", "Content-Length: 0\r\n",
                "{\"event_id\":\"e\",\"user_id\":\"u\"}"));
        cases.add(joinCase("Content-Length shorter than the body", "Content-Length: 2\r\n",
                "{}GARBAGE / HTTP/1.1\r\n\r\n"));
        cases.add(new SweepCase("Content-Length longer than the body, then half-close", List.of(RawHttp.Piece.of(
                post(QueueApiHandler.JOIN, "Content-Length: 50\r\n", "{\"event_id\":"))), true, Allowance.NONE));
        cases.add(json("no Content-Length on POST", "POST " + QueueApiHandler.JOIN
                + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        cases.add(joinCase("oversized declared body 20 KB", "Content-Length: 20000\r\n",
                "x".repeat(20_000)));
    }

    private static void chunkedBodies(List<SweepCase> cases) {
        String chunk8k = Integer.toHexString(8192) + "\r\n" + "x".repeat(8192) + "\r\n";
        Map<String, String> answerable = new LinkedHashMap<>();
        answerable.put("chunked 24 KiB", chunk8k.repeat(3) + "0\r\n\r\n");
        answerable.put("chunked 2 MiB", chunk8k.repeat(256) + "0\r\n\r\n");
        answerable.put("3000 one-byte chunks", "1\r\nx\r\n".repeat(3000) + "0\r\n\r\n");
        answerable.put("chunked valid join", "1f\r\n{\"event_id\":\"c\",\"user_id\":\"u\"}\r\n0\r\n\r\n");
        answerable.put("chunk extension", "2;ext=1\r\n{}\r\n0\r\n\r\n");
        answerable.put("chunked with trailers", "2\r\n{}\r\n0\r\nX-Trailer: t\r\n\r\n");
        answerable.forEach((name, body) -> cases.add(joinCase(name, "Transfer-Encoding: chunked\r\n", body)));
        // Undertow's chunked decoder closes the connection on a malformed or cut-off chunk before it
        // throws, so nothing can answer these: closing is all they may get.
        for (String size : List.of("zz", "ffffffffffffffffffff", "-1", "7fffffffffffffff", "")) {
            cases.add(new SweepCase("chunk size '" + size + "'", List.of(RawHttp.Piece.of(post(QueueApiHandler.JOIN,
                    "Transfer-Encoding: chunked\r\n", size + "\r\n{}\r\n0\r\n\r\n"))), false, Allowance.CLOSE));
        }
        cases.add(new SweepCase("chunked without the last chunk, then half-close", List.of(RawHttp.Piece.of(
                post(QueueApiHandler.JOIN, "Transfer-Encoding: chunked\r\n", "2\r\n{}\r\n"))), true, Allowance.CLOSE));
        for (String encoding : List.of("gzip", "chunked, gzip", "identity", "xchunked", "chunked\r\nTransfer-Encoding: chunked")) {
            cases.add(parserMayRefuse("Transfer-Encoding: " + encoding.replace("\r\n", " / "),
                    post(QueueApiHandler.JOIN, "Transfer-Encoding: " + encoding + "\r\n", "2\r\n{}\r\n0\r\n\r\n")));
        }
        cases.add(parserMayRefuse("Transfer-Encoding and Content-Length", post(QueueApiHandler.JOIN,
                "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", "2\r\n{}\r\n0\r\n\r\n")));
    }

    private static void jsonBodies(List<SweepCase> cases, String token) {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        List<String> bodies = List.of("{\"waiting_token\":\"{x}\",\"waiting_token\":\"" + token + "\"}",
                "{\"event_id\":\"e\",\"user_id\":\"u\"} trailing", "{\"event_id\":\"e\",\"user_id\":\"u\"}{}",
                "{}]", "", "   ", "null", "true", "1", "\"s\"", "[]", "{}", "{", "}", deep,
                "{\"a\":" + "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_001), "{\"event_id\":1e999999,\"user_id\":\"u\"}",
                "{\"event_id\":NaN}", "{event_id:\"e\"}", "{'event_id':'e'}", "/*c*/{\"event_id\":\"e\"}",
"{\"event_id\":\"e\u0000\",\"user_id\":\"u\"}",
                "{\"event_id\":\"e\u0001\",\"user_id\":\"u\"}", "{\"event_id\":\"\u00c3\u0028\",\"user_id\":\"u\"}",
                "{\"event_id\":\"\u00c0\u00af\",\"user_id\":\"u\"}", "{\"event_id\":\"\\ud800\",\"user_id\":\"u\"}",
                "{\"event_id\":\"" + "e".repeat(129) + "\",\"user_id\":\"u\"}",
                "{\"event_id\":\"" + "e".repeat(10_000) + "\",\"user_id\":\"u\"}",
                "{\"event_id\":\"e}{x\",\"user_id\":\"u\"}", "{\"event_id\":\"e\\nx\",\"user_id\":\"u\"}",
                "{\"event_id\":\"\u00c3\u00a9\",\"user_id\":\"u\"}", "{\"event_id\":{\"$gt\":\"\"},\"user_id\":\"u\"}",
                "{\"waiting_token\":[\"" + token + "\"]}", "{\"waiting_token\":\"../../etc/passwd\"}",
                "{\"waiting_token\":\"*\"}", "{\"" + "k".repeat(5_000) + "\":1}", fields(1_000));
        for (String path : List.of(QueueApiHandler.JOIN, QueueApiHandler.ENTER)) {
            for (int i = 0; i < bodies.size(); i++) {
                String body = bodies.get(i);
                String shown = body.length() > 40 ? body.substring(0, 40) + "...(" + body.length() + ")" : body;
                cases.add(refused("body #" + i + " on " + path + ": " + shown.replaceAll("\\p{Cntrl}", "?"),
                        post(path, "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n",
                                body)));
            }
        }
    }

    private static void byteOrderMark(List<SweepCase> cases) {
        // RFC 8259 lets a parser ignore a byte order mark, and Jackson does: a 2xx is fine here.
        String body = "\u00ef\u00bb\u00bf{\"event_id\":\"bom\",\"user_id\":\"u\"}";
        cases.add(joinCase("UTF-8 byte order mark before the object", "Content-Length: " + body.length() + "\r\n", body));
    }

    private static String fields(int count) {
        StringBuilder body = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
        }
        return body.append('}').toString();
    }

    private static void queryStrings(List<SweepCase> cases) {
        for (String query : List.of("token=%zz", "token=%", "token=%0", "token=%00", "token=", "token", "",
                "token=" + "t".repeat(129), "token=" + "t".repeat(10_000), "token={x}", "token=%7Bx%7D",
                "token=%C3%A9", "token=a+b", "token=a&token=b", "?token=x", "token=x#frag",
                "token=..%2F..%2Fetc%2Fpasswd", "token=%E0%80%80", "a=1&".repeat(1_001) + "token=t",
                "a=1&".repeat(5_000) + "token=t")) {
            String shown = query.length() > 40 ? query.substring(0, 40) + "...(" + query.length() + ")" : query;
            for (String method : List.of("GET /api/v1/queue/status", "DELETE /api/v1/queue/leave")) {
                // Undertow's parser refuses a bad escape and a raw brace or '#' in the target.
                boolean badEscape = query.matches(".*(%(?![0-9A-Fa-f]{2})|[{}#]).*");
                String request = method + "?" + query + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
                cases.add(badEscape ? parserMayRefuse(method + "?" + shown, request) : json(method + "?" + shown, request));
            }
        }
    }

    private static void headers(List<SweepCase> cases) {
        StringBuilder thousand = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            thousand.append("X-H").append(i).append(": v\r\n");
        }
        cases.add(json("1000 headers", get("/healthz", thousand.toString())));
        cases.add(json("201 headers", get("/healthz", thousand.substring(0, thousand.indexOf("X-H201")))));
        cases.add(parserMayRefuse("a 70 KB header", get("/healthz", "X-Big: " + "v".repeat(70_000) + "\r\n")));
        for (String header : List.of("NoColon\r\n", "Bad Name: v\r\n", "X-Ctl: a\u0001b\r\n", "X-Nul: a\u0000b\r\n",
                " folded: v\r\n", "X-Fold: a\r\n continued\r\n", ": empty-name\r\n", "X-\u00ff: v\r\n",
                "X-Lf: a\nX-Other: b\r\n")) {
            cases.add(parserMayRefuse("header " + header.trim().replaceAll("\\p{Cntrl}", "?"),
                    get("/api/v1/queue/status?token=t", header)));
        }
        cases.add(parserMayRefuse("no Host header", "GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n"));
        cases.add(parserMayRefuse("two Host headers", get("/healthz", "Host: y\r\n")));
        cases.add(json("X-Forwarded-For 1000 characters", get("/api/v1/queue/status?token=t",
                "X-Forwarded-For: " + "9".repeat(1_000) + "\r\n")));
        cases.add(json("X-Forwarded-For garbage", get("/api/v1/queue/status?token=t",
                "X-Forwarded-For: ::::,,, ;drop table\r\n")));
        String join = "{\"event_id\":\"sweep-ct\",\"user_id\":\"u\"}";
        for (String type : List.of("text/plain", "application/xml", "multipart/form-data; boundary=x",
                "application/json; charset=latin1", "application/x-www-form-urlencoded", "\u00ff\u00fe")) {
            cases.add(json("Content-Type " + type, post(QueueApiHandler.JOIN, "Content-Type: " + type
                    + "\r\nContent-Length: " + join.length() + "\r\n", join)));
        }
        for (String key : List.of("k".repeat(200), "{hash}", "has space", "\u00c3\u00a9", "")) {
            cases.add(json("Idempotency-Key '" + (key.length() > 20 ? key.substring(0, 20) + "..." : key) + "'",
                    post(QueueApiHandler.JOIN, "Idempotency-Key: " + key + "\r\nContent-Length: " + join.length()
                            + "\r\n", join)));
        }
        cases.add(joinCase("Expect: garbage", "Expect: nonsense\r\nContent-Length: 2\r\n", "{}"));
        cases.add(joinCase("Expect: 100-continue with the body",
                "Expect: 100-continue\r\nContent-Length: 2\r\n", "{}"));
    }

    private static void requestLines(List<SweepCase> cases) {
        for (String line : List.of("GARBAGE", "GET", "GET /healthz", "GET /healthz HTTP/1.1 extra",
                "GET /healthz HTTP/2.0", "GET /healthz HTTP/9.9", "GET /healthz http/1.1", "GET  /healthz HTTP/1.1",
                "GET\t/healthz\tHTTP/1.1", "GET healthz HTTP/1.1", "G\u0000ET /healthz HTTP/1.1",
                "GET /heal\u0001thz HTTP/1.1", "GET /\u00ff HTTP/1.1", "CONNECT 127.0.0.1:6379 HTTP/1.1",
                "GET /" + "p".repeat(70_000) + " HTTP/1.1")) {
            String shown = line.length() > 40 ? line.substring(0, 40) + "...(" + line.length() + ")" : line;
            cases.add(parserMayRefuse("request line " + shown.replaceAll("\\p{Cntrl}", "?"),
                    line + "\r\nHost: x\r\nConnection: close\r\n\r\n"));
        }
        cases.add(json("HTTP/1.0 health", "GET /healthz HTTP/1.0\r\n\r\n"));
        cases.add(parserMayRefuse("absolute URI", "GET http://127.0.0.1/healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        cases.add(json("OPTIONS *", "OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        cases.add(json("a 10 KB path", get("/" + "p".repeat(10_000), "")));
        cases.add(parserMayRefuse("blank lines before the request", "\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n"));
        cases.add(parserMayRefuse("the HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"));
        cases.add(parserMayRefuse("a TLS ClientHello", "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003"
                + "\u0000".repeat(64)));
        cases.add(new SweepCase("connect and hang up", List.of(RawHttp.Piece.of("")), true, Allowance.CLOSE));
        cases.add(new SweepCase("a lone CRLF, then hang up", List.of(RawHttp.Piece.of("\r\n")), true, Allowance.CLOSE));
    }

    private static SweepCase json(String name, String request) {
        return new SweepCase(name, List.of(RawHttp.Piece.of(request)), false, Allowance.NONE);
    }

    private static SweepCase refused(String name, String request) {
        return new SweepCase(name, List.of(RawHttp.Piece.of(request)), false, Allowance.NONE, true);
    }

    private static SweepCase joinCase(String name, String headers, String body) {
        return json(name, post(QueueApiHandler.JOIN, headers, body));
    }

    private static SweepCase parserMayRefuse(String name, String request) {
        return new SweepCase(name, List.of(RawHttp.Piece.of(request)), false, Allowance.BARE_400);
    }

    private static String post(String path, String headers, String body) {
        return request("POST", path, headers, body);
    }

    private static String get(String target, String headers) {
        return request("GET", target, headers, "");
    }

    private static String request(String method, String target, String headers, String body) {
        return method + " " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + headers + "\r\n" + body;
    }
}
