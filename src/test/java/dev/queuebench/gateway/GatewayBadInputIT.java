package dev.queuebench.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of bad input gets a 4xx with the error JSON: never a 500, never a hang. */
class GatewayBadInputIT {
    private static GatewayFixture gateway;

    @BeforeAll
    static void start() {
        gateway = GatewayFixture.start(GatewaySettings.defaults());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @ParameterizedTest(name = "join body {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"event_id\":\"e\",\"user_id\":|INVALID_REQUEST|not valid JSON",
        "{\"event_id\" \"e\"}|INVALID_REQUEST|not valid JSON",
        "[1,2,3]|INVALID_REQUEST|must be a JSON object",
        "\"just a string\"|INVALID_REQUEST|must be a JSON object",
        "{\"user_id\":\"u\"}|INVALID_REQUEST|missing field 'event_id'",
        "{\"event_id\":\"e\"}|INVALID_REQUEST|missing field 'user_id'",
        "{\"event_id\":null,\"user_id\":\"u\"}|INVALID_REQUEST|missing field 'event_id'",
        "{\"event_id\":42,\"user_id\":\"u\"}|INVALID_REQUEST|must be a string, got number",
        "{\"event_id\":\"e\",\"user_id\":[\"u\"]}|INVALID_REQUEST|must be a string, got array",
        "{\"event_id\":\"\",\"user_id\":\"u\"}|INVALID_REQUEST|must be 1-128 characters",
        "{\"event_id\":\"e}{x\",\"user_id\":\"u\"}|INVALID_REQUEST|must be 1-128 characters",
    })
    void malformedJoinBodiesAre400(String body, String code, String messagePart) {
        GatewayFixture.Reply reply = gateway.post("/api/v1/queue/join", body);
        assertEquals(400, reply.status(), reply.toString());
        assertEquals(code, reply.errorCode());
        assertTrue(reply.body().path("error").path("message").asText().contains(messagePart), reply.toString());
        assertFalse(reply.body().path("error").path("trace_id").asText().isEmpty());
    }

    @Test
    void emptyBodyIs400() {
        GatewayFixture.Reply reply = gateway.post("/api/v1/queue/join", "");
        assertEquals(400, reply.status());
        assertTrue(reply.body().path("error").path("message").asText().contains("empty"));
    }

    @Test
    void enterWithoutTokenOrWithWrongTypeIs400() {
        assertEquals("INVALID_REQUEST", gateway.post("/api/v1/queue/enter", "{}").errorCode());
        assertEquals("INVALID_REQUEST", gateway.post("/api/v1/queue/enter", "{\"waiting_token\":true}").errorCode());
    }

    @Test
    void oversizedBodyIs413() {
        String big = "{\"event_id\":\"e\",\"user_id\":\"" + "x".repeat(20_000) + "\"}";
        GatewayFixture.Reply reply = gateway.post("/api/v1/queue/join", big);
        assertEquals(413, reply.status());
        assertEquals("PAYLOAD_TOO_LARGE", reply.errorCode());
        assertTrue(reply.body().path("error").path("message").asText().contains("16384 bytes"));
    }

    @Test
    void oversizedChunkedBodyIs413() throws Exception {
        String chunk = "x".repeat(8_000);
        String chunks = "";
        for (int i = 0; i < 3; i++) {
            chunks += Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n";
        }
        String request = "POST /api/v1/queue/join HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n" + chunks + "0\r\n\r\n";
        String response = rawExchange(request);
        assertTrue(response.startsWith("HTTP/1.1 413"), response);
        assertTrue(response.contains("PAYLOAD_TOO_LARGE"), response);
    }

    @Test
    void truncatedBodyThatClosesEarlyIs400NotAHang() throws Exception {
        String request = "POST /api/v1/queue/join HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n"
                + "{\"event_id\":\"e\"";
        try (Socket socket = new Socket("127.0.0.1", gateway.server.port())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // Either a 400 or a closed connection: what matters is that the server answers or lets go.
            assertFalse(response.startsWith("HTTP/1.1 5"), response);
        }
        // And the server still serves others.
        assertEquals(202, gateway.join("after-truncation", "u1").status());
    }

    @ParameterizedTest(name = "{0} {1} -> 405")
    @CsvSource({"GET,/api/v1/queue/join", "PUT,/api/v1/queue/enter", "POST,/api/v1/queue/status?token=t",
        "GET,/api/v1/queue/leave?token=t", "POST,/healthz"})
    void wrongMethodIs405WithAllow(String method, String path) {
        GatewayFixture.Reply reply = gateway.send(HttpRequest.newBuilder(gateway.uri(path))
                .method(method, HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(405, reply.status());
        assertEquals("METHOD_NOT_ALLOWED", reply.errorCode());
    }

    @Test
    void unknownPathIs404() {
        GatewayFixture.Reply reply = gateway.send(HttpRequest.newBuilder(gateway.uri("/api/v1/queue/nope")).GET());
        assertEquals(404, reply.status());
        assertEquals("NOT_FOUND", reply.errorCode());
    }

    @Test
    void statusWithoutTokenIs400() {
        GatewayFixture.Reply reply = gateway.send(HttpRequest.newBuilder(gateway.uri("/api/v1/queue/status")).GET());
        assertEquals(400, reply.status());
        assertTrue(reply.body().path("error").path("message").asText().contains("'token'"));
        assertEquals(400, gateway.status("bad%7Btoken").status());
    }

    @Test
    void invalidIdempotencyKeyIs400() {
        GatewayFixture.Reply reply = gateway.send(HttpRequest.newBuilder(gateway.uri("/api/v1/queue/join"))
                .header("Idempotency-Key", "has space")
                .POST(HttpRequest.BodyPublishers.ofString("{\"event_id\":\"e\",\"user_id\":\"u-idem\"}")));
        assertEquals(400, reply.status());
        assertTrue(reply.body().path("error").path("message").asText().contains("Idempotency-Key"));
    }

    @ParameterizedTest(name = "Content-Length {0} -> 413, connection closed")
    @ValueSource(strings = {"18446744073709551616", "1180591620717411303424", "36893488147419103237"})
    void contentLengthBeyondALongIs413AndTheConnectionClosed(String contentLength) {
        // Undertow wraps such a length to 0, so without a close the "body" would be parsed as a next request.
        RawHttp.Answer answer = RawHttp.exchange(gateway.server.port(), "POST /api/v1/queue/join HTTP/1.1\r\n"
                + "Host: x\r\nContent-Length: " + contentLength + "\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n",
                5_000);
        assertEquals(413, answer.status(), answer.toString());
        assertEquals("PAYLOAD_TOO_LARGE", answer.errorCode(), answer.toString());
        assertTrue(answer.head().contains("Connection: close"), answer.head());
    }

    @Test
    void chunkedBodyOfTwoMebibytesIs413InTheErrorShape() {
        String chunk = Integer.toHexString(8192) + "\r\n" + "x".repeat(8192) + "\r\n";
        RawHttp.Answer answer = RawHttp.exchange(gateway.server.port(), "POST /api/v1/queue/join HTTP/1.1\r\n"
                + "Host: x\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk.repeat(256) + "0\r\n\r\n", 5_000);
        assertEquals(413, answer.status(), answer.toString());
        assertEquals("PAYLOAD_TOO_LARGE", answer.errorCode(), answer.toString());
    }

    @Test
    void aDuplicateWaitingTokenIsRefusedRatherThanTheLastOneWinning() {
        String token = gateway.joinToken("dup-keys", "u1");
        GatewayFixture.Reply reply = gateway.post("/api/v1/queue/enter",
                "{\"waiting_token\":\"{x}\",\"waiting_token\":\"" + token + "\"}");
        assertEquals(400, reply.status(), reply.toString());
        assertEquals("INVALID_REQUEST", reply.errorCode());
        assertTrue(reply.body().path("error").path("message").asText().contains("Duplicate field 'waiting_token'"),
                reply.toString());
        // Proof that it was refused, not granted: the same token, sent once, is still in the queue and enters.
        assertEquals(200, gateway.enter(token).status());
    }

    @ParameterizedTest(name = "join body {0} -> 400")
    @ValueSource(strings = {"{\"event_id\":\"e\",\"user_id\":\"u\"} trailing",
        "{\"event_id\":\"e\",\"user_id\":\"u\"}{\"event_id\":\"e\",\"user_id\":\"v\"}",
        "{\"event_id\":\"e\",\"user_id\":\"u\"}]"})
    void contentAfterTheJsonObjectIs400(String body) {
        GatewayFixture.Reply reply = gateway.post("/api/v1/queue/join", body);
        assertEquals(400, reply.status(), reply.toString());
        assertEquals("INVALID_REQUEST", reply.errorCode());
        assertTrue(reply.body().path("error").path("message").asText().startsWith("the request body is not valid JSON"),
                reply.toString());
    }

    @ParameterizedTest(name = "{0} /api/v1/queue/join -> 405")
    @ValueSource(strings = {"post", "Post", "pOST"})
    void methodsAreCaseSensitive(String method) {
        String body = "{\"event_id\":\"case\",\"user_id\":\"u-" + method + "\"}";
        RawHttp.Answer answer = RawHttp.exchange(gateway.server.port(), method + " /api/v1/queue/join HTTP/1.1\r\n"
                + "Host: x\r\nContent-Length: " + body.length() + "\r\n\r\n" + body, 5_000);
        assertEquals(405, answer.status(), answer.toString());
        assertEquals("METHOD_NOT_ALLOWED", answer.errorCode());
        assertTrue(answer.head().contains("Allow: POST"), answer.head());
    }

    @Test
    void fiveThousandQueryParametersAre400InTheErrorShape() {
        String parameters = "token=t&" + "a=1&".repeat(5_000);
        RawHttp.Answer answer = RawHttp.exchange(gateway.server.port(),
                "GET /api/v1/queue/status?" + parameters + " HTTP/1.1\r\nHost: x\r\n\r\n", 5_000);
        assertEquals(400, answer.status(), answer.toString());
        assertEquals("INVALID_REQUEST", answer.errorCode(), answer.toString());
        assertTrue(answer.body().contains("more than 1000 query parameters"), answer.toString());
    }

    @Test
    void aThousandHeadersAre400InTheErrorShape() {
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            headers.append("X-H").append(i).append(": v\r\n");
        }
        RawHttp.Answer answer = RawHttp.exchange(gateway.server.port(),
                "GET /healthz HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n", 5_000);
        assertEquals(400, answer.status(), answer.toString());
        assertEquals("INVALID_REQUEST", answer.errorCode(), answer.toString());
        assertTrue(answer.body().contains("more than 200 request headers"), answer.toString());
    }

    @ParameterizedTest(name = "Undertow refuses {0} before any handler: a bare 400")
    @ValueSource(strings = {"GARBAGE\r\n\r\n", "GET /api/v1/queue/status?token=%zz HTTP/1.1\r\nHost: x\r\n\r\n", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: {big}\r\n\r\n",
        "POST /api/v1/queue/join HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n{}"})
    void whatUndertowRefusesWhileParsingIsABare400(String request) {
        // Undertow writes a fixed "400, Content-Length: 0" and closes; no handler runs that could add the error JSON.
        RawHttp.Answer answer = RawHttp.exchange(gateway.server.port(),
                request.replace("{big}", "v".repeat(70_000)), 5_000);
        assertEquals(400, answer.status(), answer.toString());
        assertEquals("", answer.body());
    }

    private static String rawExchange(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", gateway.server.port())) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
