package dev.queuebench.simulations;

import dev.queuebench.profile.ClientBehaviour;
import dev.queuebench.profile.JourneyShape;
import dev.queuebench.profile.RateRamp;
import dev.queuebench.profile.SimulationProperty;
import java.time.Duration;
import java.util.List;

/**
 * Every parameter of the queue journey simulation, read from system properties with smoke-sized
 * defaults. {@code queuebench run} sets them from a profile; {@code mvn gatling:test} users set them
 * with {@code -Dqb.…}. Their names are {@link SimulationProperty}'s, shared with the load engine that
 * writes them. {@code qb.injection} is in users per second, {@code qb.requestRate} in total requests
 * per second, both in {@link RateRamp}'s text form.
 *
 * <ul>
 *   <li>{@code qb.baseUrl}: the gateway, default {@code http://127.0.0.1:8080}</li>
 *   <li>{@code qb.requestRate}: the planned total requests per second, {@code durationSec:fromRps:toRps}
 *       steps separated by {@code ;}. When set, {@link ArrivalControl} schedules as many journeys each
 *       second as the plan needs ({@link ControlledArrivals}); queuebench always sets it</li>
 *   <li>{@code qb.injection}: without {@code qb.requestRate}, fixed open-model arrival steps,
 *       {@code durationSec:fromUsersPerSec:toUsersPerSec} separated by {@code ;}, default {@code 5:1:5;10:5:5}</li>
 *   <li>{@code qb.arrivalsFile}: where the arrival control writes its decisions (the run's
 *       {@code arrivals.csv}); unset, nothing is written</li>
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
 *   <li>{@code qb.journeysFile}: where to record what every user saw (the run's {@code journeys.bin.gz});
 *       unset, nothing is recorded</li>
 *   <li>{@code qb.heartbeatTtlSec}: the gateway's heartbeat TTL, written into the journey log for the
 *       audit, default 300</li>
 *   <li>{@code qb.injectorIndex}: this injector's index in a multi-injector run, default 0</li>
 *   <li>{@code qb.doubleEnterFraction}: users whose first enter is a double click (two enters at
 *       once), default 0.02</li>
 *   <li>{@code qb.whenLost}: what a user whose token is refused does, {@code stop} (default) or
 *       {@code rejoin}</li>
 *   <li>{@code qb.stopFile}: a file whose creation stops the simulation early with its log complete
 *       ({@link StopRequest}); unset, nothing watches</li>
 * </ul>
 */
public final class JourneyConfig {
    public static final String BASE_URL = System.getProperty(SimulationProperty.BASE_URL, "http://127.0.0.1:8080");
    public static final List<RateRamp> ARRIVALS_PER_SEC =
            RateRamp.parse(System.getProperty(SimulationProperty.INJECTION, "5:1:5;10:5:5"), SimulationProperty.INJECTION);
    /** When the profile's first phase begins (epoch ms), or 0 for as soon as Gatling is up. */
    public static final long START_AT_EPOCH_MS = Long.getLong(SimulationProperty.START_AT_EPOCH_MS, 0L);
    public static final int EVENTS = Integer.getInteger(SimulationProperty.EVENTS, 1);
    public static final int POLLS_PER_USER = Integer.getInteger(SimulationProperty.POLLS_PER_USER, 5);
    public static final Duration POLL_INTERVAL = Duration.ofMillis(Long.getLong(SimulationProperty.POLL_INTERVAL_MILLIS, 2_000));
    public static final Duration POLL_JITTER = Duration.ofMillis(Long.getLong(SimulationProperty.POLL_JITTER_MILLIS, 500));
    public static final Duration NOT_READY_BACKOFF = Duration.ofMillis(Long.getLong(SimulationProperty.NOT_READY_BACKOFF_MILLIS, 1_000));
    public static final double LEAVE_FRACTION = Double.parseDouble(System.getProperty(SimulationProperty.LEAVE_FRACTION, "0.2"));
    public static final double ABANDON_FRACTION = Double.parseDouble(System.getProperty(SimulationProperty.ABANDON_FRACTION, "0.1"));
    public static final boolean IDEMPOTENCY_KEYS = Boolean.parseBoolean(System.getProperty(SimulationProperty.IDEMPOTENCY_KEYS, "true"));
    public static final boolean SHARED_CONNECTIONS =
            Boolean.parseBoolean(System.getProperty(SimulationProperty.SHARED_CONNECTIONS, "true"));
    public static final Duration REQUEST_TIMEOUT =
            Duration.ofMillis(Long.getLong(SimulationProperty.REQUEST_TIMEOUT_MILLIS, 10_000));
    public static final String USER_PREFIX =
            System.getProperty(SimulationProperty.USER_PREFIX, Long.toString(System.currentTimeMillis(), 36));

    public static final boolean POISSON_ARRIVALS =
            Boolean.parseBoolean(System.getProperty(SimulationProperty.POISSON_ARRIVALS, "true"));

    public static final int HEARTBEAT_TTL_SEC = Integer.getInteger(SimulationProperty.HEARTBEAT_TTL_SEC, 300);
    public static final int INJECTOR_INDEX = Integer.getInteger(SimulationProperty.INJECTOR_INDEX, 0);
    public static final double DOUBLE_ENTER_FRACTION =
            Double.parseDouble(System.getProperty(SimulationProperty.DOUBLE_ENTER_FRACTION, "0.02"));
    public static final ClientBehaviour.WhenLost WHEN_LOST =
            ClientBehaviour.WhenLost.parse(System.getProperty(SimulationProperty.WHEN_LOST, "stop"));

    /** Reads every answer; records them when {@code qb.journeysFile} is set. */
    public static final JourneyRecorder RECORDER = JourneyRecorder.open(System.getProperty(SimulationProperty.JOURNEYS_FILE),
            HEARTBEAT_TTL_SEC, INJECTOR_INDEX, USER_PREFIX);
    static final TwinEnter TWIN_ENTER = new TwinEnter(BASE_URL, REQUEST_TIMEOUT, RECORDER);

    /** Schedules the journeys that hold the planned request rate, or null for fixed arrival rates. */
    public static final ArrivalControl ARRIVAL_CONTROL = arrivalControl(System.getProperty(SimulationProperty.REQUEST_RATE));

    private JourneyConfig() {
    }

    private static ArrivalControl arrivalControl(String requestRate) {
        if (requestRate == null || requestRate.isBlank()) {
            return null;
        }
        JourneyShape model = new JourneyShape(POLLS_PER_USER, (int) POLL_INTERVAL.toMillis(), LEAVE_FRACTION,
                ABANDON_FRACTION, EVENTS);
        return new ArrivalControl(RateRamp.parse(requestRate, SimulationProperty.REQUEST_RATE), POISSON_ARRIVALS,
                model, ArrivalLog.open(System.getProperty(SimulationProperty.ARRIVALS_FILE)));
    }
}
