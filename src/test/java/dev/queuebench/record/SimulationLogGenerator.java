package dev.queuebench.record;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Writes a synthetic Gatling 3.15.1 {@code simulation.log} of exactly {@code requestCount} request
 * records: the queue journey of {@link SyntheticUser}s arriving at random (Poisson) at the rate that
 * gives {@code requestsPerSec} requests/s, with their user start and end records, in the order
 * Gatling writes them (each request when its response arrives). For testing and benchmarking the
 * conversion of large logs without a 30-minute load test.
 *
 * <p>The load ramps up over the first journey (about 10 s) as users accumulate, and the journeys in
 * flight when the request budget is spent end there. A log should therefore span well over 10 s to
 * hold the journey's full mix of requests: 10k requests at 30k/s are nearly all {@code join}s.
 *
 * <p>How to run (a 30-minute run at 30k requests/s is 54 million requests, about 1.4 GB):
 * <pre>
 * java -cp target/queuebench.jar:target/test-classes dev.queuebench.record.SimulationLogGenerator \
 *     /tmp/simulation.log 54000000 [REQUESTS_PER_SEC=30000] [SEED=1]
 * </pre>
 */
public record SimulationLogGenerator(long requestCount, double requestsPerSec, long seed) {
    static final String GATLING_VERSION = "3.15.1";
    static final String SIMULATION_CLASS = "dev.queuebench.simulations.QueueJourneySimulation";
    static final String SCENARIO = "queue-journey";
    /** 2026-11-25T10:15:00Z: a fixed start, so a seed always gives the same bytes. */
    static final long RUN_START_MILLIS = 1_764_065_700_000L;

    public SimulationLogGenerator {
        if (requestCount < 0) {
            throw new IllegalArgumentException("requestCount must be >= 0, was " + requestCount);
        }
        if (!(requestsPerSec > 0)) {
            throw new IllegalArgumentException("requestsPerSec must be > 0, was " + requestsPerSec);
        }
    }

    /**
     * Writes the log to {@code out} (and closes it), telling {@code written} every record it writes,
     * with the values a parser should read back.
     */
    public void write(OutputStream out, SimulationLogListener written) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        double meanArrivalGapMillis = 1000.0 * SyntheticUser.meanRequestsPerUser() / requestsPerSec;
        try (SimulationLogWriter log = new SimulationLogWriter(out)) {
            SimulationLogHeader header = new SimulationLogHeader(GATLING_VERSION, SIMULATION_CLASS, RUN_START_MILLIS,
                    "synthetic-" + requestCount + "-requests", List.of(SCENARIO));
            log.run(header);
            written.onRun(header);
            // Users with a request in flight, by the time that request ends and gets written.
            PriorityQueue<SyntheticUser> inFlight = new PriorityQueue<>(
                    (a, b) -> Long.compare(a.endMillis, b.endMillis));
            long sent = 0;
            double nextArrivalMillis = RUN_START_MILLIS + random.nextExponential() * meanArrivalGapMillis;
            while (sent < requestCount || !inFlight.isEmpty()) {
                boolean arrivalFirst = sent < requestCount
                        && (inFlight.isEmpty() || (long) nextArrivalMillis <= inFlight.peek().endMillis);
                if (arrivalFirst) {
                    long arrival = (long) nextArrivalMillis;
                    SyntheticUser user = new SyntheticUser(random);
                    log.user(0, true, arrival);
                    written.onUser(true, arrival);
                    user.join(arrival);
                    sent++;
                    inFlight.add(user);
                    nextArrivalMillis += random.nextExponential() * meanArrivalGapMillis;
                    continue;
                }
                SyntheticUser user = inFlight.poll();
                log.request(user.step.requestName, user.startMillis, user.endMillis, user.ok, user.message);
                written.onRequest(user.step.requestName, user.startMillis, user.endMillis, user.ok, user.message);
                // Once the budget is spent, journeys end where they are, as when a run's duration is up.
                if (sent < requestCount && user.sendNext()) {
                    sent++;
                    inFlight.add(user);
                } else {
                    log.user(0, false, user.endMillis);
                    written.onUser(false, user.endMillis);
                }
            }
        }
    }

    public static void main(String[] args) throws IOException {
        MainArguments arguments = MainArguments.of(args, 2, 4,
                "SimulationLogGenerator OUT_FILE RECORDS [REQUESTS_PER_SEC=30000] [SEED=1]");
        Path file = arguments.path(0);
        long records = arguments.longOr(1, 0);
        double requestsPerSec = arguments.doubleOr(2, 30_000);
        long seed = arguments.longOr(3, 1);
        SimulationLogGenerator generator;
        try {
            generator = new SimulationLogGenerator(records, requestsPerSec, seed);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        CountingListener written = new CountingListener();
        long startNanos = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            generator.write(out, written);
        }
        double elapsedSec = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("Wrote %s: %,d bytes, %,d requests, %,d users, %.0f s of traffic, in %.1f s%n", file,
                Files.size(file), records, written.usersStarted,
                (Math.max(written.lastEndMillis, RUN_START_MILLIS) - RUN_START_MILLIS) / 1000.0, elapsedSec);
        for (Map.Entry<String, long[]> entry : written.okKoByName.entrySet()) {
            System.out.printf("  %-7s ok %,d  ko %,d%n", entry.getKey(), entry.getValue()[0], entry.getValue()[1]);
        }
    }
}
