package dev.queuebench.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON document stored at {@code queue:waiting:<token>}.
 *
 * <pre>{"waiting_token":"…","event_id":"…","user_id":"…","joined_at_ms":1764063300250,
 *  "status":"waiting"|"admitted","position":42,"stream_id":"1764063300250-0","reservation_token":"…"}</pre>
 *
 * {@code position} is 0 until the join follow-up has written it; {@code stream_id} and
 * {@code reservation_token} are absent until known.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueueEntry(
        @JsonProperty("waiting_token") String waitingToken,
        @JsonProperty("event_id") String eventId,
        @JsonProperty("user_id") String userId,
        @JsonProperty("joined_at_ms") long joinedAtMillis,
        @JsonProperty("status") String status,
        @JsonProperty("position") long position,
        @JsonProperty("stream_id") String streamId,
        @JsonProperty("reservation_token") String reservationToken) {

    public static final String WAITING = "waiting";
    public static final String ADMITTED = "admitted";

    public boolean admitted() {
        return ADMITTED.equals(status);
    }

    public QueueEntry withPosition(long newPosition, String newStreamId) {
        return new QueueEntry(waitingToken, eventId, userId, joinedAtMillis, status, newPosition, newStreamId,
                reservationToken);
    }

    public QueueEntry admittedWith(String newReservationToken) {
        return new QueueEntry(waitingToken, eventId, userId, joinedAtMillis, ADMITTED, position, streamId,
                newReservationToken);
    }
}
