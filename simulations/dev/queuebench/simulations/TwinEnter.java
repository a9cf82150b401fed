package dev.queuebench.simulations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The second request of a double click on enter: sent at the same moment as the journey's own
 * enter, from the JDK's HTTP client because Gatling sends one request of a user at a time. Its
 * answer goes to the journey log only (not to {@code simulation.log}, so it is not in the latency
 * figures); it exists to find a gateway that grants one user twice.
 */
final class TwinEnter {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI enterUri;
    private final Duration timeout;
    private final JourneyRecorder recorder;
    /** Users whose twin was granted; the journey reads (and forgets) it at its next step. */
    private final java.util.Set<Long> granted = java.util.concurrent.ConcurrentHashMap.newKeySet();

    TwinEnter(String baseUrl, Duration timeout, JourneyRecorder recorder) {
        this.enterUri = URI.create(baseUrl.replaceAll("/+$", "") + "/api/v1/queue/enter");
        this.timeout = timeout;
        this.recorder = recorder;
    }

    /** Sends it now and records its answer when it comes; never waits. */
    void send(long user, String waitingToken) {
        HttpRequest request = HttpRequest.newBuilder(enterUri).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"waiting_token\":\"" + waitingToken + "\"}")).build();
        long sendMs = System.currentTimeMillis();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            recorder.twinEntered(user, sendMs, System.currentTimeMillis() - sendMs,
                    failure == null ? response.statusCode() : 0, failure == null ? response.body() : null);
            if (failure == null && response.statusCode() == 200) {
                granted.add(user);
            }
        });
    }

    /**
     * True once when this user's twin was granted: the user is in, as a browser that shows whichever
     * answer granted entry. The journey's own enter then got 403 (the claim was the twin's).
     */
    boolean tookGrant(long user) {
        return granted.remove(user);
    }
}
