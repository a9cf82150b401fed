package dev.queuebench.rundir;

/**
 * What a reader of a run's results must not miss, as the codes {@code summary.json} carries in
 * {@code warnings[].code}; each warning's {@code message} says it with the run's own numbers.
 * Consumers (the plan, the gate) decide on the code, never on the words.
 */
public enum WarningCode {
    INJECTOR_SATURATED("the injector could not send the planned load: the latencies do not describe the target"),
    ABORTED("the run was stopped before its end"),
    TARGET_FAILED("the target stopped answering"),
    UNFINISHED("run.json still says running: the run died without recording an outcome"),
    UNDER_DELIVERED("the run sent fewer requests than planned over the measured steps"),
    NO_SERVER_METRICS("no server.csv: CPU, memory and per-request costs cannot be derived"),
    COUNTER_RESET("Redis counters reset (a restart or failover): rates around it are left out"),
    EVICTIONS("Redis evicted keys: evicted queue state drops waiting users silently"),
    DROPPING_EVICTION_POLICY("an allkeys-* maxmemory-policy: a full node evicts queue state"),
    DATA_WALKING_COMMAND("a command whose cost grows with the data took a share of the server's CPU"),
    COST_SPLIT_UNCERTAIN("the request kinds moved together, so the split of server cost between them is uncertain"),
    CLOUDWATCH_OUTSIDE_RUN("CloudWatch data was imported, but none of it falls within the run: it is not in the report"),
    USERS_LOST("waiting users lost their place: the gateway refused tokens of users who were still polling"),
    DOUBLE_ADMISSIONS("a user was granted entry twice, or one reservation token went to two users"),
    ORDER_VIOLATIONS("users were admitted before the gateway's own rules allowed, ahead of earlier joiners"),
    QUEUE_STATE_MISMATCH("the queue Redis held at the end disagrees with the journeys: users dropped silently, or admitted users still queued"),
    FILE_CUT_SHORT("a file of the run ends in a half-written line (a run killed mid-write), which was left out");

    private final String meaning;

    WarningCode(String meaning) {
        this.meaning = meaning;
    }

    /** What the code means, in one sentence (the docs list them). */
    public String meaning() {
        return meaning;
    }

    /** True for the codes that say the run's numbers do not describe the target at its planned load. */
    public boolean loud() {
        return this == INJECTOR_SATURATED || this == ABORTED || this == TARGET_FAILED || this == UNFINISHED
                || this == USERS_LOST || this == DOUBLE_ADMISSIONS;
    }

    /** True for the codes that say the plan's inputs may not hold at a bigger node or load. */
    public boolean limitsAPlan() {
        return this == EVICTIONS || this == DROPPING_EVICTION_POLICY || this == NO_SERVER_METRICS;
    }
}
