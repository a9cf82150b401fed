package dev.queuebench.simulations;

import dev.queuebench.load.JourneyShape;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every parameter of the queue journey simulation, read from system properties with smoke-sized
 * defaults. {@code queuebench run} sets them from a profile; {@code mvn gatling:test} users set them
 * with {@code -Dqb.…}. Rates are user arrivals per second: the profile has already turned the total
 * request rate into arrivals from the journey's requests per user.
 *
 * <ul>
 *   <li>{@code qb.baseUrl}: the gateway, default {@code http://127.0.0.1:8080}</li>
 *   <li>{@code qb.injection}: the open-model arrival steps, {@code durationSec:fromUsersPerSec:toUsersPerSec}
 *       separated by {@code ;}, default {@code 5:1:5;10:5:5}</li>
 *   <li>{@code qb.requestRate}: the planned total requests per second, {@code durationSec:fromRps:toRps}
 *       steps like {@code qb.injection}'s. When set, {@code qb.injection} is the ceiling of candidate
 *       arrivals and {@link ArrivalControl} lets as many start a journey as the plan needs; when unset,
 *       every injected user is a journey (plain arrival rates)</li>
 *   <li>{@code qb.events}: how many event ids the users spread over, default 1 (one hot event)</li>
 *   <li>{@code qb.pollsPerUser}: status polls (or enter attempts) per user, default 5</li>
 *   <li>{@code qb.pollIntervalMillis} and {@code qb.pollJitterMillis}: a poll every 2,000 ± 500 ms</li>
 *   <li>{@code qb.notReadyBackoffMillis}: extra wait after a 403 {@code NOT_READY}, default 1,000</li>
 *   <li>{@code qb.leaveFraction}: users who leave after their last poll, default 0.2</li>
 *   <li>{@code qb.abandonFraction}: users who stop polling half-way and let the heartbeat expire, default 0.1</li>
 *   <li>{@code qb.idempotencyKeys}: send an {@code Idempotency-Key} with each join, default true</li>
 *   <li>{@code qb.sharedConnections}: one connection pool for all users, like gateway pods behind a
 *       load balancer (default true); false opens a connection per user</li>
 *   <li>{@code qb.requestTimeoutMillis}: a request without an answer after this is a KO, default 10,000</li>
 *   <li>{@code qb.userPrefix}: makes user ids unique across runs, default the start time</li>
 *   <li>{@code qb.poissonArrivals}: random gaps between arrivals, as real users arrive (default true);
 *       false spaces them evenly</li>
 * </ul>
 */
public final class JourneyConfig {
    /** One open-model injection step: arrivals ramp linearly from one rate to another. */
    public record Step(int durationSec, double fromUsersPerSec, double toUsersPerSec) {
    }

    public static final String BASE_URL = System.getProperty("qb.baseUrl", "http://127.0.0.1:8080");
    public static final List<Step> INJECTION = parseSteps(System.getProperty("qb.injection", "5:1:5;10:5:5"));
    public static final int EVENTS = Integer.getInteger("qb.events", 1);
    public static final int POLLS_PER_USER = Integer.getInteger("qb.pollsPerUser", 5);
    public static final Duration POLL_INTERVAL = Duration.ofMillis(Long.getLong("qb.pollIntervalMillis", 2_000));
    public static final Duration POLL_JITTER = Duration.ofMillis(Long.getLong("qb.pollJitterMillis", 500));
    public static final Duration NOT_READY_BACKOFF = Duration.ofMillis(Long.getLong("qb.notReadyBackoffMillis", 1_000));
    public static final double LEAVE_FRACTION = Double.parseDouble(System.getProperty("qb.leaveFraction", "0.2"));
    public static final double ABANDON_FRACTION = Double.parseDouble(System.getProperty("qb.abandonFraction", "0.1"));
    public static final boolean IDEMPOTENCY_KEYS = Boolean.parseBoolean(System.getProperty("qb.idempotencyKeys", "true"));
    public static final boolean SHARED_CONNECTIONS =
            Boolean.parseBoolean(System.getProperty("qb.sharedConnections", "true"));
    public static final Duration REQUEST_TIMEOUT =
            Duration.ofMillis(Long.getLong("qb.requestTimeoutMillis", 10_000));
    public static final String USER_PREFIX =
            System.getProperty("qb.userPrefix", Long.toString(System.currentTimeMillis(), 36));

    public static final boolean POISSON_ARRIVALS =
            Boolean.parseBoolean(System.getProperty("qb.poissonArrivals", "true"));

    /** Decides which injected users start a journey, or null when every one does. */
    public static final ArrivalControl ARRIVAL_CONTROL = arrivalControl(System.getProperty("qb.requestRate"));

    private JourneyConfig() {
    }

    private static ArrivalControl arrivalControl(String requestRate) {
        if (requestRate == null || requestRate.isBlank()) {
            return null;
        }
        JourneyShape model = new JourneyShape(POLLS_PER_USER, (int) POLL_INTERVAL.toMillis(), LEAVE_FRACTION,
                ABANDON_FRACTION, EVENTS);
        return new ArrivalControl(stretches(parseSteps(requestRate)), stretches(INJECTION), POISSON_ARRIVALS, model);
    }

    private static List<ArrivalControl.Stretch> stretches(List<Step> steps) {
        return steps.stream()
                .map(step -> new ArrivalControl.Stretch(step.durationSec(), step.fromUsersPerSec(), step.toUsersPerSec()))
                .toList();
    }

    static List<Step> parseSteps(String spec) {
        List<Step> steps = new ArrayList<>();
        for (String part : spec.split(";")) {
            String[] fields = part.trim().split(":");
            if (fields.length != 3) {
                throw new IllegalArgumentException("qb.injection step '" + part
                        + "' must be durationSec:fromUsersPerSec:toUsersPerSec");
            }
            steps.add(new Step(Integer.parseInt(fields[0]), Double.parseDouble(fields[1]),
                    Double.parseDouble(fields[2])));
        }
        return steps;
    }
}
