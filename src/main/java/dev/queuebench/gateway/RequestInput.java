package dev.queuebench.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Reads and validates what a client sent: a bounded JSON body, string fields, query parameters and
 * headers. Everything wrong with the input becomes a 4xx {@link QueueException} that says which
 * field and why; nothing here can answer 500.
 *
 * <p>Identifiers (event ids, user ids, tokens, idempotency keys) are 1 to 128 characters of
 * {@code [A-Za-z0-9_.:@-]}: they become parts of Redis keys, and a brace would change the key's
 * hash tag.
 */
final class RequestInput {
    static final int MAX_ID_LENGTH = 128;
    static final int MAX_HEADERS = 200;
    static final int MAX_QUERY_PARAMETERS = 1000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:@-]{1," + MAX_ID_LENGTH + "}");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private RequestInput() {
    }

    /**
     * The body as exactly one JSON object: no duplicate key (which value would a client expect to
     * win?), nothing after the object.
     */
    static JsonNode jsonObject(byte[] body) {
        if (body.length == 0) {
            throw invalid("the request body is empty; send a JSON object");
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw invalid("the request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw invalid("the request body could not be read: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw invalid("the request body must be a JSON object");
        }
        return node;
    }

    static String idField(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw invalid("missing field '" + field + "'");
        }
        if (!value.isTextual()) {
            throw invalid("field '" + field + "' must be a string, got " + value.getNodeType().name().toLowerCase());
        }
        return requireId(field, value.textValue());
    }

    static String idQueryParameter(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        if (values == null || values.isEmpty() || values.peekFirst().isEmpty()) {
            throw invalid("missing query parameter '" + name + "'");
        }
        return requireId(name, values.peekFirst());
    }

    /**
     * Undertow's default limits on the number of headers and query parameters, enforced here so that
     * the refusal carries the error JSON.
     */
    static void requireHeadWithinLimits(HttpServerExchange exchange) {
        if (exchange.getRequestHeaders().size() > MAX_HEADERS) {
            throw invalid("more than " + MAX_HEADERS + " request headers");
        }
        int parameters = 0;
        for (Deque<String> values : exchange.getQueryParameters().values()) {
            parameters += values.size();
        }
        if (parameters > MAX_QUERY_PARAMETERS) {
            throw invalid("more than " + MAX_QUERY_PARAMETERS + " query parameters");
        }
    }

    /** An optional header; null when absent, validated like an id when present. */
    static String optionalIdHeader(HttpServerExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        return requireId(name, value);
    }

    private static String requireId(String name, String value) {
        if (!ID.matcher(value).matches()) {
            throw invalid("'" + name + "' must be 1-" + MAX_ID_LENGTH + " characters of A-Z a-z 0-9 _ . : @ -");
        }
        return value;
    }

    private static QueueException invalid(String message) {
        return new QueueException(QueueError.INVALID_REQUEST, message);
    }
}
