package dev.queuebench.record;

import java.util.random.RandomGenerator;

/**
 * One virtual user of the queue journey as {@link SimulationLogGenerator} models it: {@code join},
 * then 1 to 6 {@code status} polls about 2 s apart, then {@code enter} (unless the user abandons),
 * then, for some users, {@code leave} a few seconds later. A KO ends the journey, as the
 * simulation's checks do. Response times are log-normal around a per-request median, with rare
 * request timeouts and refused connections.
 */
final class SyntheticUser {
    static final int MAX_POLLS = 6;
    static final double ABANDON_FRACTION = 0.10;
    static final double LEAVE_FRACTION = 0.30;
    static final int REQUEST_TIMEOUT_MILLIS = 10_000;
    static final String TIMEOUT_MESSAGE =
            "i.g.h.c.i.RequestTimeoutException: Request timeout to localhost/127.0.0.1:8080 after 10000 ms";
    static final String REFUSED_MESSAGE = "j.n.ConnectException: Connection refused";
    private static final double TIMEOUT_FRACTION = 0.0001;
    private static final double REFUSED_FRACTION = 0.00005;
    private static final double RESPONSE_TIME_SIGMA = 0.7;
    private static final int POLL_INTERVAL_MILLIS = 2_000;
    private static final int POLL_JITTER_MILLIS = 500;

    /** The journey's requests: name, median response time, KO share and Gatling's check message. */
    enum Step {
        JOIN("join", 4.0, 0.005, "status.find.is(202), found 429"),
        STATUS("status", 2.0, 0.003, "status.find.is(200), found 404"),
        ENTER("enter", 3.0, 0.002, "status.find.in(200,403), found 429"),
        LEAVE("leave", 2.0, 0.001, "status.find.is(200), found 503");

        final String requestName;
        final double medianMillis;
        final double koFraction;
        final String koMessage;

        Step(String requestName, double medianMillis, double koFraction, String koMessage) {
            this.requestName = requestName;
            this.medianMillis = medianMillis;
            this.koFraction = koFraction;
            this.koMessage = koMessage;
        }
    }

    private final RandomGenerator random;
    private int pollsLeft;
    private final boolean abandons;
    private final boolean leaves;
    private Step next = Step.JOIN;

    // The request in flight: written when it ends.
    Step step;
    long startMillis;
    long endMillis;
    boolean ok;
    String message;

    SyntheticUser(RandomGenerator random) {
        this.random = random;
        pollsLeft = 1 + random.nextInt(MAX_POLLS);
        abandons = random.nextDouble() < ABANDON_FRACTION;
        leaves = random.nextDouble() < LEAVE_FRACTION;
    }

    /**
     * Requests a user makes on average, a KO ending the journey: what turns a request rate into an
     * arrival rate.
     */
    static double meanRequestsPerUser() {
        double pollsSent = 0;
        double enterReached = 0;
        for (int polls = 1; polls <= MAX_POLLS; polls++) {
            double stillPolling = 1;
            for (int poll = 0; poll < polls; poll++) {
                pollsSent += stillPolling;
                stillPolling *= okFraction(Step.STATUS);
            }
            enterReached += stillPolling;
        }
        pollsSent /= MAX_POLLS;
        enterReached /= MAX_POLLS;
        double enterAndLeave = (1 - ABANDON_FRACTION) * (1 + okFraction(Step.ENTER) * LEAVE_FRACTION);
        double afterJoin = pollsSent + enterReached * enterAndLeave;
        return 1 + okFraction(Step.JOIN) * afterJoin;
    }

    private static double okFraction(Step step) {
        return (1 - TIMEOUT_FRACTION - REFUSED_FRACTION) * (1 - step.koFraction);
    }

    /** Sends the journey's first request at {@code arrivalMillis}. */
    void join(long arrivalMillis) {
        send(arrivalMillis);
    }

    /**
     * Sends the next request after the one that just ended, after the journey's think time.
     *
     * @return false when the journey is over: the user ends at {@link #endMillis}
     */
    boolean sendNext() {
        if (!ok || next == null) {
            return false;
        }
        long thinkMillis = switch (next) {
            case STATUS -> POLL_INTERVAL_MILLIS - POLL_JITTER_MILLIS + random.nextInt(2 * POLL_JITTER_MILLIS + 1);
            // ready_for_entry came with the last poll: enter at once
            case ENTER -> 0;
            case LEAVE -> 1_000 + random.nextInt(4_000);
            case JOIN -> throw new IllegalStateException("join is always the first request");
        };
        send(endMillis + thinkMillis);
        return true;
    }

    private void send(long sendMillis) {
        step = next;
        next = stepAfter(step);
        startMillis = sendMillis;
        double draw = random.nextDouble();
        if (draw < TIMEOUT_FRACTION) {
            finish(REQUEST_TIMEOUT_MILLIS, false, TIMEOUT_MESSAGE);
        } else if (draw < TIMEOUT_FRACTION + REFUSED_FRACTION) {
            finish(1, false, REFUSED_MESSAGE);
        } else {
            long responseMillis = Math.round(step.medianMillis * Math.exp(RESPONSE_TIME_SIGMA * random.nextGaussian()));
            boolean stepOk = random.nextDouble() >= step.koFraction;
            finish(responseMillis, stepOk, stepOk ? "" : step.koMessage);
        }
    }

    private void finish(long responseMillis, boolean requestOk, String koMessage) {
        endMillis = startMillis + responseMillis;
        ok = requestOk;
        message = koMessage;
    }

    private Step stepAfter(Step current) {
        return switch (current) {
            case JOIN -> Step.STATUS;
            case STATUS -> --pollsLeft > 0 ? Step.STATUS : abandons ? null : Step.ENTER;
            case ENTER -> leaves ? Step.LEAVE : null;
            case LEAVE -> null;
        };
    }
}
