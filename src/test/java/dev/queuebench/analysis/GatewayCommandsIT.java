package dev.queuebench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.gateway.GatewayServer;
import dev.queuebench.gateway.GatewaySettings;
import dev.queuebench.redis.EmbeddedRedis;
import dev.queuebench.redis.PoolProfile;
import dev.queuebench.redis.RedisClients;
import dev.queuebench.redis.RedisTls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.RedisClient;

/**
 * {@link GatewayCommands} against what a real reference gateway sends: journeys through every
 * endpoint on the embedded Redis, then the server's commandstats.
 */
class GatewayCommandsIT {
    private static final Pattern CMDSTAT = Pattern.compile("cmdstat_([^:]+):calls=(\\d+),");
    /** The test's own INFO, and what the launcher sends before the gateway starts. */
    private static final Set<String> NOT_THE_GATEWAYS = Set.of("info", "config|set", "config|get");
    private static final int USERS = 6;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    @Timeout(60)
    void everyCommandAGatewaySendsIsInTheSetAndTheScriptsInnerCallsAreCountedExactly() throws Exception {
        // Every admission through the bucket script, and a sweeper that runs during the test.
        GatewaySettings settings = new GatewaySettings(1800, 3600, 300, 300, 30, 900, 500, 50, 0, 100,
                100_000, 100_000, 16 * 1024, 100, 200);
        Map<String, Long> calls;
        int joins = 0;
        int enters = 0;
        try (EmbeddedRedis redis = EmbeddedRedis.builder().start();
                RedisClient client = RedisClients.open(redis.endpoint(), PoolProfile.parse("current"),
                        RedisTls.systemDefault(), "gateway-commands-test")) {
            GatewayServer server = GatewayServer.start(GatewayServer.Options.loopback(0), client, null, settings);
            try {
                String base = server.baseUrl();
                for (int user = 0; user < USERS; user++) {
                    String token = send(base, "POST", "/api/v1/queue/join",
                            "{\"event_id\":\"cmds\",\"user_id\":\"u" + user + "\"}", 202);
                    joins++;
                    send(base, "POST", "/api/v1/queue/join", "{\"event_id\":\"cmds\",\"user_id\":\"u" + user + "\"}",
                            409);
                    joins++;
                    send(base, "GET", "/api/v1/queue/status?token=" + token, null, 200);
                    if (user % 2 == 0) {
                        send(base, "POST", "/api/v1/queue/enter", "{\"waiting_token\":\"" + token + "\"}", 200);
                        enters++;
                    } else {
                        send(base, "DELETE", "/api/v1/queue/leave?token=" + token, null, 200);
                    }
                }
                send(base, "GET", "/readyz", null, 200);
                // the join follow-up and the sweeper run off the request path
                Thread.sleep(1_000);
            } finally {
                server.close();
            }
            calls = commandCalls(client.info("commandstats"));
        }

        Set<String> unknown = new TreeSet<>(calls.keySet());
        unknown.removeIf(command -> GatewayCommands.sends(command) || NOT_THE_GATEWAYS.contains(command));
        assertEquals(Set.of(), unknown, "commands the gateway sent that GatewayCommands does not list: " + calls);
        Set<String> neverSent = new TreeSet<>(GatewayCommands.SENT_DIRECTLY);
        neverSent.addAll(GatewayCommands.CALLED_BY_SCRIPTS);
        neverSent.removeAll(calls.keySet());
        assertEquals(Set.of(), neverSent, "commands GatewayCommands lists that the gateway did not send: " + calls);

        Map<String, Double> callsByCommand = new TreeMap<>();
        calls.forEach((command, n) -> callsByCommand.put(command, n.doubleValue()));
        // enqueue.lua: one EXISTS per join, duplicates included; each bucket script one EXPIRE a call:
        // one admission bucket per enter, one rate-limit bucket per request (TIME is the rate limiter's)
        assertEquals(joins, GatewayCommands.callsFromScripts("exists", callsByCommand), 1e-9);
        assertEquals(enters + calls.get("time"), GatewayCommands.callsFromScripts("expire", callsByCommand), 1e-9);
        assertEquals(USERS, GatewayCommands.callsFromScripts("xadd", callsByCommand), 1e-9);
        assertTrue(calls.get("expire") > GatewayCommands.callsFromScripts("expire", callsByCommand),
                "the gateway also sends EXPIRE itself: " + calls);
    }

    private static Map<String, Long> commandCalls(String commandstats) {
        Map<String, Long> calls = new TreeMap<>();
        Matcher matcher = CMDSTAT.matcher(commandstats);
        while (matcher.find()) {
            calls.put(matcher.group(1), Long.parseLong(matcher.group(2)));
        }
        return calls;
    }

    /** Sends one request, checks its status and returns the waiting token when the reply has one. */
    private String send(String base, String method, String path, String body, int expectedStatus) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), method + " " + path + ": " + response.body());
        Matcher token = Pattern.compile("\"waiting_token\":\"([^\"]+)\"").matcher(response.body());
        return token.find() ? token.group(1) : null;
    }
}
