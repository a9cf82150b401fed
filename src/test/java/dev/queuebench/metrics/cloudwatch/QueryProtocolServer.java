package dev.queuebench.metrics.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A local stand-in for AWS's Query-protocol services (ElastiCache, CloudWatch in SDK 2.31): a JDK HttpServer
 * on a free loopback port that records each request's form parameters and Authorization header and answers
 * with what the test's {@link Responder} gives, typically a recorded response under src/test/resources.
 * The SDK reaches it through an endpoint override, signing with {@link #CREDENTIALS}, which are fake, so
 * that a test can check that they reach no file and no message.
 */
final class QueryProtocolServer implements AutoCloseable {
    static final String FAKE_KEY_ID = "AKIAQUEUEBENCHFAKE01";
    static final String FAKE_SECRET = "queuebench/fake/secret/never/written/anywhere";
    static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create(FAKE_KEY_ID, FAKE_SECRET));

    /** An HTTP status and an XML body. */
    record Answer(int status, String body) {
    }

    /** Answers one request, given its form parameters ({@code Action}, {@code ReplicationGroupId}, …). */
    @FunctionalInterface
    interface Responder {
        Answer answer(Map<String, String> form) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final Responder responder;
    private final List<Map<String, String>> requests = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();

    QueryProtocolServer(Responder responder) throws IOException {
        this.responder = responder;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The form parameters of every request so far, in order. */
    synchronized List<Map<String, String>> requests() {
        return List.copyOf(requests);
    }

    synchronized List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A recorded response: {@code path} under src/test/resources, e.g. {@code elasticache/test-failover.xml}. */
    static Answer recorded(int status, String path) {
        try {
            return new Answer(status, Files.readString(resource(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resource(String path) {
        try {
            return Path.of(QueryProtocolServer.class.getResource("/" + path).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Neither the fake key id nor the secret is in any file below {@code dir}, text or binary. */
    static void assertNoCredentialIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                // ISO-8859-1 maps every byte to one char: a credential in any file's bytes is found as text.
                assertNoCredentialIn(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1),
                        file.toString());
            }
        }
    }

    static void assertNoCredentialIn(String text, String what) {
        assertFalse(text.contains(FAKE_SECRET) || text.contains(FAKE_KEY_ID), what + " holds a credential: " + text);
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        synchronized (this) {
            requests.add(form);
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        }
        Answer answer;
        try {
            answer = responder.answer(form);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        try {
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException clientGone) {
            // A client that gave up (a timeout under test) closed the connection: nothing to answer.
        }
        exchange.close();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
