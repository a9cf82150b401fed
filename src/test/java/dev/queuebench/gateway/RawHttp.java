package dev.queuebench.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Sends bytes an HTTP client library would refuse to send (broken request lines, lying lengths,
 * bodies that trickle) over a plain socket to 127.0.0.1, and reads back whatever comes, within a
 * time bound: one response, or the connection closing without one.
 */
final class RawHttp {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Bytes to write, then how long to wait before the next piece (a slow client sends several). */
    record Piece(byte[] bytes, long pauseAfterMillis) {
        static Piece of(String ascii) {
            return new Piece(ascii.getBytes(StandardCharsets.ISO_8859_1), 0);
        }
    }

    /**
     * What came back. {@code status} is -1 when the connection closed (or was reset) before any
     * status line; {@code timedOut} when neither happened within the bound.
     */
    record Answer(int status, String head, String body, boolean timedOut, long elapsedMillis) {
        boolean closedUnanswered() {
            return status == -1 && !timedOut;
        }

        /** The {@code {"error":{"code","message","trace_id"}}} body's code, or null when the body is not that shape. */
        String errorCode() {
            try {
                JsonNode error = JSON.readTree(body).path("error");
                boolean shaped = error.path("code").isTextual() && error.path("message").isTextual()
                        && !error.path("trace_id").asText().isEmpty();
                return shaped ? error.path("code").asText() : null;
            } catch (IOException e) {
                return null;
            }
        }

        boolean isJson() {
            try {
                return JSON.readTree(body) != null;
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            String shownBody = body.length() > 300 ? body.substring(0, 300) + "..." : body;
            return (timedOut ? "TIMED OUT" : status == -1 ? "CLOSED" : Integer.toString(status)) + " after "
                    + elapsedMillis + " ms: " + shownBody;
        }
    }

    private RawHttp() {
    }

    static Answer exchange(int port, String request, long boundMillis) {
        return exchange(port, List.of(Piece.of(request)), false, boundMillis);
    }

    /**
     * Writes the pieces (stopping early if the server closes), optionally half-closes, and reads one
     * response until {@code boundMillis} after the first byte was written.
     */
    static Answer exchange(int port, List<Piece> pieces, boolean halfClose, long boundMillis) {
        long startNanos = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) boundMillis);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            try {
                for (Piece piece : pieces) {
                    out.write(piece.bytes());
                    out.flush();
                    if (piece.pauseAfterMillis() > 0 && peerAnswered(socket, piece.pauseAfterMillis())) {
                        break;
                    }
                }
                if (halfClose) {
                    socket.shutdownOutput();
                }
            } catch (IOException writeFailed) {
                // The server closed while we were still sending: read what it said before that.
            }
            return read(socket, startNanos, boundMillis);
        } catch (IOException e) {
            return new Answer(-1, "", e.toString(), false, elapsedMillis(startNanos));
        }
    }

    /** Waits up to {@code pauseMillis} for the server to start answering; true when it did. */
    private static boolean peerAnswered(Socket socket, long pauseMillis) throws IOException {
        long untilNanos = System.nanoTime() + pauseMillis * 1_000_000;
        InputStream in = socket.getInputStream();
        while (System.nanoTime() < untilNanos) {
            if (in.available() > 0) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }
        return false;
    }

    private static Answer read(Socket socket, long startNanos, long boundMillis) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int headEnd = -1;
        long bodyBytes = -1;
        boolean headOnly = false;
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                long leftMillis = boundMillis - elapsedMillis(startNanos);
                if (leftMillis <= 0) {
                    return answer(received, headEnd, true, startNanos);
                }
                socket.setSoTimeout((int) leftMillis);
                int read = in.read(buffer);
                if (read == -1) {
                    break;
                }
                received.write(buffer, 0, read);
                if (headEnd < 0) {
                    headEnd = received.toString(StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n");
                    if (headEnd >= 0) {
                        String head = received.toString(StandardCharsets.ISO_8859_1).substring(0, headEnd);
                        bodyBytes = contentLength(head);
                        headOnly = head.startsWith("HTTP/1.1 1");
                    }
                }
                if (headEnd >= 0 && (headOnly || (bodyBytes >= 0 && received.size() >= headEnd + 4 + bodyBytes))) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            return answer(received, headEnd, true, startNanos);
        } catch (IOException e) {
            // A reset after the answer was sent still leaves what was read.
        }
        return answer(received, headEnd, false, startNanos);
    }

    private static Answer answer(ByteArrayOutputStream received, int headEnd, boolean timedOut, long startNanos) {
        String text = received.toString(StandardCharsets.UTF_8);
        if (!text.startsWith("HTTP/") || text.length() < 12) {
            return new Answer(-1, "", text, timedOut, elapsedMillis(startNanos));
        }
        int status = Integer.parseInt(text.substring(9, 12));
        String head = headEnd < 0 ? text : text.substring(0, headEnd);
        String body = headEnd < 0 ? "" : text.substring(Math.min(text.length(), headEnd + 4));
        return new Answer(status, head, body, false, elapsedMillis(startNanos));
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Long.parseLong(line.substring("content-length:".length()).trim());
            }
        }
        return -1;
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
