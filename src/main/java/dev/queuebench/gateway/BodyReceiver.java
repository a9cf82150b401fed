package dev.queuebench.gateway;

import io.undertow.io.Receiver;
import io.undertow.server.Connectors;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.Headers;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;

/**
 * Reads a request body on the I/O thread with Undertow's non-blocking receiver, so that a slow client
 * holds a connection but never a worker thread, and hands the whole body to a worker only once it has
 * arrived. Three limits, each answered in the error JSON:
 *
 * <ul>
 *   <li>a declared {@code Content-Length} above {@code maxBodyBytes}, including one too long for a
 *       64-bit number (Undertow wraps it silently and would frame the body wrongly): 413, and the
 *       connection is closed;</li>
 *   <li>a body (chunked or not) that grows past {@code maxBodyBytes}: 413 as soon as it does;</li>
 *   <li>a body not complete within {@code deadlineMillis} of the request's headers, however steadily
 *       it trickles: 408, and the connection is closed (a read timeout only catches silence).</li>
 * </ul>
 *
 * A body that cannot be read (the client hung up half-way) is answered 400 if the connection can
 * still carry an answer, and logged as one DEBUG line: bad input is not the server's error and must
 * not flood the log. A malformed chunk gets no answer: Undertow's chunked decoder closes the
 * connection itself before it reports the error.
 */
final class BodyReceiver {
    /** What runs once the whole body has arrived; on the I/O thread, so it must dispatch any blocking work. */
    interface BodyHandler {
        void handle(HttpServerExchange exchange, byte[] body);
    }

    private static final Logger LOG = LoggerFactory.getLogger(BodyReceiver.class);
    private static final int LONGEST_LONG_DIGITS = 18;

    private final int maxBodyBytes;
    private final long deadlineMillis;

    BodyReceiver(int maxBodyBytes, long deadlineMillis) {
        this.maxBodyBytes = maxBodyBytes;
        this.deadlineMillis = deadlineMillis;
    }

    /** True when the request says a body follows: a non-zero Content-Length or any Transfer-Encoding. */
    static boolean hasBody(HttpServerExchange exchange) {
        String contentLength = exchange.getRequestHeaders().getFirst(Headers.CONTENT_LENGTH);
        return (contentLength != null && declaredBytes(contentLength) != 0)
                || exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING);
    }

    /**
     * The declared length, or {@link Long#MAX_VALUE} when it has more digits than a long can hold
     * (Undertow's own parser has let only digits through).
     */
    static long declaredBytes(String contentLength) {
        String digits = stripLeadingZeros(contentLength.trim());
        if (digits.length() > LONGEST_LONG_DIGITS) {
            return Long.MAX_VALUE;
        }
        try {
            return digits.isEmpty() ? 0 : Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Call on the I/O thread; answers the request itself unless {@code then} receives the body. */
    void receive(HttpServerExchange exchange, String traceId, BodyHandler then) {
        String contentLength = exchange.getRequestHeaders().getFirst(Headers.CONTENT_LENGTH);
        if (contentLength != null && !exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING)
                && declaredBytes(contentLength) > maxBodyBytes) {
            exchange.setPersistent(false);
            JsonResponses.error(exchange, QueueError.PAYLOAD_TOO_LARGE, tooLargeMessage(), traceId);
            return;
        }
        Reception reception = new Reception(exchange, traceId);
        reception.deadline = exchange.getIoThread().executeAfter(reception::expire, deadlineMillis,
                TimeUnit.MILLISECONDS);
        exchange.addExchangeCompleteListener((completed, next) -> {
            reception.cancelDeadline();
            next.proceed();
        });
        Receiver receiver = exchange.getRequestReceiver();
        receiver.setMaxBufferSize(maxBodyBytes);
        receiver.receiveFullBytes((received, body) -> {
            if (reception.finish()) {
                then.handle(received, body);
            }
        }, reception::failed);
    }

    private String tooLargeMessage() {
        return "the request body is larger than the limit of " + maxBodyBytes + " bytes";
    }

    private static String stripLeadingZeros(String digits) {
        int first = 0;
        while (first < digits.length() - 1 && digits.charAt(first) == '0') {
            first++;
        }
        return digits.substring(first);
    }

    /** One body's reading; every method runs on the exchange's I/O thread, so no locking. */
    private final class Reception {
        private final HttpServerExchange exchange;
        private final String traceId;
        private XnioExecutor.Key deadline;
        private boolean finished;

        Reception(HttpServerExchange exchange, String traceId) {
            this.exchange = exchange;
            this.traceId = traceId;
        }

        /** False when the request was already answered (the deadline passed or the read failed). */
        boolean finish() {
            if (finished) {
                return false;
            }
            finished = true;
            cancelDeadline();
            return true;
        }

        void cancelDeadline() {
            XnioExecutor.Key key = deadline;
            if (key != null) {
                key.remove();
            }
        }

        void expire() {
            if (exchange.isComplete()) {
                return;
            }
            if (finished) {
                // The answer was sent but the rest of the body still trickles in to be drained.
                IoUtils.safeClose(exchange.getConnection());
                return;
            }
            finished = true;
            LOG.debug("trace_id={} request body not complete after {} ms; answering 408", traceId, deadlineMillis);
            Connectors.executeRootHandler(timedOut -> answerAndClose(QueueError.REQUEST_TIMEOUT,
                    "the request body did not arrive within " + deadlineMillis + " ms"), exchange);
        }

        void failed(HttpServerExchange failedExchange, IOException e) {
            if (!finish()) {
                return;
            }
            if (isTooLarge(e)) {
                JsonResponses.error(exchange, QueueError.PAYLOAD_TOO_LARGE, tooLargeMessage(), traceId);
                return;
            }
            LOG.debug("trace_id={} request body could not be read: {}", traceId, e.toString());
            answerAndClose(QueueError.INVALID_REQUEST, "the request body could not be read");
        }

        private void answerAndClose(QueueError error, String message) {
            if (exchange.isResponseStarted() || !exchange.getConnection().isOpen()) {
                IoUtils.safeClose(exchange.getConnection());
                return;
            }
            exchange.setPersistent(false);
            JsonResponses.error(exchange, error, message, traceId);
        }
    }

    private static boolean isTooLarge(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof Receiver.RequestToLargeException || cause instanceof RequestTooBigException) {
                return true;
            }
        }
        return false;
    }
}
