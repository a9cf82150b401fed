package dev.queuebench.profile;

/**
 * The system properties that carry a profile to the Gatling simulation (a JVM of its own): the load
 * engine writes them, the simulation's configuration reads them. Their meanings and defaults are
 * documented on {@code dev.queuebench.simulations.JourneyConfig}.
 */
public final class SimulationProperty {
    public static final String BASE_URL = "qb.baseUrl";
    /** Users per second when no request rate is planned, {@link RateRamp} text form. */
    public static final String INJECTION = "qb.injection";
    /** Planned total requests per second, {@link RateRamp} text form. */
    public static final String REQUEST_RATE = "qb.requestRate";
    public static final String EVENTS = "qb.events";
    public static final String POLLS_PER_USER = "qb.pollsPerUser";
    public static final String POLL_INTERVAL_MILLIS = "qb.pollIntervalMillis";
    public static final String POLL_JITTER_MILLIS = "qb.pollJitterMillis";
    public static final String NOT_READY_BACKOFF_MILLIS = "qb.notReadyBackoffMillis";
    public static final String LEAVE_FRACTION = "qb.leaveFraction";
    public static final String ABANDON_FRACTION = "qb.abandonFraction";
    public static final String IDEMPOTENCY_KEYS = "qb.idempotencyKeys";
    public static final String SHARED_CONNECTIONS = "qb.sharedConnections";
    public static final String REQUEST_TIMEOUT_MILLIS = "qb.requestTimeoutMillis";
    public static final String USER_PREFIX = "qb.userPrefix";
    public static final String TRACE_ARRIVALS = "qb.traceArrivals";
    public static final String POISSON_ARRIVALS = "qb.poissonArrivals";
    /** Where the journeys are recorded ({@code journeys.bin.gz}); unset, nothing is recorded. */
    public static final String JOURNEYS_FILE = "qb.journeysFile";
    /** Where the arrival control writes its decisions ({@code arrivals.csv}); unset, nothing is written. */
    public static final String ARRIVALS_FILE = "qb.arrivalsFile";
    /** The gateway's heartbeat TTL in seconds, written into the journeys file for the audit. */
    public static final String HEARTBEAT_TTL_SEC = "qb.heartbeatTtlSec";
    /** The fraction of users whose first enter is a double click (two at once). */
    public static final String DOUBLE_ENTER_FRACTION = "qb.doubleEnterFraction";
    /** What a user does when the gateway refuses their token: {@code stop} or {@code rejoin}. */
    public static final String WHEN_LOST = "qb.whenLost";
    /** Which injector of a multi-injector run this is (0 for a single one). */
    public static final String INJECTOR_INDEX = "qb.injectorIndex";
    /** Epoch ms at which the profile's first phase begins ({@code run --start-at}); 0 for at once. */
    public static final String START_AT_EPOCH_MS = "qb.startAtEpochMs";
    /** The line a simulation that started too late to begin at {@link #START_AT_EPOCH_MS} prints, then exits. */
    public static final String STARTED_LATE = "queuebench: started late:";
    /**
     * Where the simulation writes the epoch ms its run starts at (the plan's second 0, Gatling's run start
     * to a millisecond) as soon as it does: Gatling's own record of it reaches simulation.log only when the
     * log's 8 KiB buffer first fills, 15 s or more into a run that starts at a few requests a second.
     */
    public static final String PLAN_START_FILE = "qb.planStartFile";
    /** A file whose creation asks the simulation to stop early, flushing its log. */
    public static final String STOP_FILE = "qb.stopFile";

    private SimulationProperty() {
    }
}
