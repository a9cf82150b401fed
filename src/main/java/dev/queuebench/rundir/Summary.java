package dev.queuebench.rundir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * {@code summary.json}: what the reporter derived from a run directory, and the one thing compare,
 * gate and plan read of a run besides its per-second files. Written and read by {@link SummaryFile}.
 * Names are snake_case in the file ({@code injection_start_epoch_sec}); every number carries its unit
 * in its name; a number with no value is {@code null} in the file and NaN here.
 *
 * @param schemaVersion {@link SummaryFile#SCHEMA_VERSION} when written by this harness
 * @param requests      per request name and {@code all}, over the measured steps (ramps and holds)
 * @param serverLevels  levels of server metrics over the run that the plan projects from
 * @param alarmsNotEvaluated the alarm rules the run was too short to judge (alarms.json)
 * @param serverInfo    {@code server-info.json} as the sampler wrote it, or an empty object
 * @param integrity     the queue-integrity audit of {@code journeys.bin.gz}; null (absent from the file)
 *                      for a run that recorded no journeys
 * @param drills        what each drill of the run ({@code run --drill}) did to the requests and the users
 */
public record Summary(int schemaVersion, Run run, Load load, Map<String, RequestStats> requests, List<Step> steps,
        Knee knee, LatencyDrivers latencyDrivers, ServerCost serverCost, Memory memory, ServerLevels serverLevels,
        List<Alarm> alarms, List<AlarmsJson.NotEvaluated> alarmsNotEvaluated, JsonNode serverInfo,
        List<Warning> warnings, Integrity integrity, List<DrillVerdict> drills) {
    public Summary {
        drills = drills == null ? List.of() : List.copyOf(drills);
    }

    /** A summary without an integrity audit. */
    public Summary(int schemaVersion, Run run, Load load, Map<String, RequestStats> requests, List<Step> steps,
            Knee knee, LatencyDrivers latencyDrivers, ServerCost serverCost, Memory memory, ServerLevels serverLevels,
            List<Alarm> alarms, List<AlarmsJson.NotEvaluated> alarmsNotEvaluated, JsonNode serverInfo,
            List<Warning> warnings) {
        this(schemaVersion, run, load, requests, steps, knee, latencyDrivers, serverCost, memory, serverLevels, alarms,
                alarmsNotEvaluated, serverInfo, warnings, null, List.of());
    }

    /**
     * One drill's verdict: the error window it opened and how long latency took to come back.
     *
     * @param name                  {@code drill-<n>-<kind>}, n counting from 1 in time order
     * @param errorWindowStartEpochSec first second with failed requests after the drill; 0 when none failed
     * @param errorWindowSec        from the first to the last second with failures (gaps of up to 2 s bridged); 0 when none
     * @param secondsOver1PctErrors seconds after the drill (until the next or the end) with more than 1% failed
     * @param failedRequests        failed requests in the error window, and by cause
     * @param preDrillP99Micros     the median of the per-second p99 over the 10 s before the drill
     * @param recoverySec           seconds from the drill to the first 3 s with requests in every second, no
     *                              failures, and a p99 of their requests together within 1.2× that level; NaN
     *                              when none came before the next drill or the run's end, or there was no level
     * @param usersLost             users lost (the integrity audit) from the drill until the next or the end
     */
    public record DrillVerdict(String name, String kind, long atEpochMs, String detail, long errorWindowStartEpochSec,
            long errorWindowSec, long secondsOver1PctErrors, long failedRequests, Map<String, Long> failedByCause,
            double preDrillP99Micros, double recoverySec, long usersLost, Long queueEntriesBefore,
            Long queueEntriesLost) {
    }

    /**
     * The queue-integrity audit (docs/integrity.md has each definition): did every user keep their
     * place, enter once, in order, and see the truth? Counts are users unless named otherwise;
     * figures that could not be judged (no admissions, no status answers) are NaN.
     *
     * @param journeys            journeys recorded (a rejoin is a journey of its own)
     * @param endings             journeys by how they ended ({@code admitted}, {@code left}, … {@code unfinished})
     * @param heartbeatTtlSec     the TTL lost users were judged by
     * @param lostUsers           refused ({@code TOKEN_EXPIRED}/{@code TOKEN_NOT_FOUND}) within the TTL of their last poll
     * @param expiredUsers        refused after not polling for longer than the TTL (the client's doing)
     * @param lostBySecond        when the lost users were refused
     * @param doubleAdmissions    usersGrantedTwice + reservationTokensShared
     * @param doubleClicks        second enters sent at the same moment as a first (the profile's double clicks)
     * @param orderViolations     admissions of a user the gateway's own rules did not allow in yet, while
     *                            an earlier joiner was still waiting
     * @param positionChecks      status answers whose position was checked (a uniform sample when
     *                            {@code positionSampled})
     * @param positionErrorP99    positions beyond the range the true rank could take while the request was
     *                            in flight, 99th percentile
     * @param etaErrorMedianPct   |first eta_sec − the wait that followed| ÷ that wait, median, percent
     * @param journeysCutShort    the journey log ended mid-write (a killed run); what came before is audited
     * @param endState            the journeys against the queue Redis held when the run ended; null when the
     *                            run did not read it (an outside target without {@code --redis})
     */
    public record Integrity(long journeys, Map<String, Long> endings, int heartbeatTtlSec, long lostUsers,
            long expiredUsers, List<LossSecond> lostBySecond, long doubleAdmissions, long usersGrantedTwice,
            long reservationTokensShared, long doubleClicks, long admissions, long orderViolations,
            double orderViolationsPct, long positionChecks, boolean positionSampled, double positionErrorP50,
            double positionErrorP90, double positionErrorP99, double positionErrorMax, double positionsOffPct,
            long etaChecks, double etaErrorMedianPct, double etaErrorP90Pct, boolean journeysCutShort,
            String sentence, EndState endState) {
    }

    /**
     * The queue's own sets at the run's end against what the journeys say.
     *
     * @param queueMembers            members of the {@code queue:event:{evt}} sets
     * @param membersWithoutHeartbeat of those, members whose heartbeat key had expired: they still hold a position
     * @param believedWaiting         users the journeys say still held a place (joined, not admitted, not left,
     *                                not refused, heartbeat TTL not yet run out)
     * @param believedButAbsent       of those, users the queue no longer had: dropped without anyone being told
     * @param endedButPresent         users admitted or gone who were still in the queue
     * @param otherMembers            members no journey of this run joined as (other clients, earlier runs)
     */
    public record EndState(long takenAtEpochMs, long queueMembers, long membersWithoutHeartbeat, long believedWaiting,
            long believedButAbsent, long endedButPresent, long otherMembers) {
    }

    /** Users lost in one second. */
    public record LossSecond(long epochSec, long users) {
    }

    /**
     * The run as {@code run.json} describes it.
     *
     * @param noVerdict true when the run did not deliver its load or did not finish: it can never pass a gate
     */
    public record Run(String id, String label, String profile, String profileDescription, double scale, String target,
            String redis, String nodeType, String outcome, String reason, long startMs, long endMs,
            double injectionStartEpochSec, boolean noVerdict) {
    }

    /**
     * Requests planned and sent over the measured steps, and per phase as the injector counted them.
     *
     * @param deliveredPct achieved ÷ intended, percent
     */
    public record Load(double intendedRequests, double achievedRequests, double deliveredPct,
            List<PhaseDelivery> phases) {
    }

    /** Requests a phase planned and sent (run.json's {@code delivery}). */
    public record PhaseDelivery(String phase, double intendedRequests, double sentRequests, double deliveredPct) {
    }

    /** Requests of one name (or {@code all}) over a span: counts, errors by cause, throughput, latency. */
    public record RequestStats(long count, long ok, long ko, double errorRatePct, Map<String, Long> koByCause,
            double throughputRps, Latency latencyMicros) {
    }

    /** Latency percentiles in microseconds. */
    public record Latency(double p50, double p90, double p99, double p999, double max, double mean) {
    }

    /**
     * One step of the profile on the wall clock.
     *
     * @param kind warmup, ramp, hold or drain
     */
    public record Step(String name, String kind, long startEpochSec, long endEpochSec, long durationSec, double fromRps,
            double toRps, double intendedRps, double achievedRps, Map<String, RequestStats> requests) {
        /** Ramps and holds are measured; the warm-up and the drain are not. */
        public boolean measured() {
            return "ramp".equals(kind) || "hold".equals(kind);
        }
    }

    /** Where latency or errors broke away from their low-load level, with the levels it was judged on. */
    public record Knee(boolean found, double kneeRps, double brokenAtRps, String method, String sentence,
            List<KneeLevel> levels) {
    }

    /** One load level of the knee's judgement. */
    public record KneeLevel(String name, long seconds, double achievedRps, double p99Micros, double errorRatePct,
            long count) {
    }

    /** The server metrics that moved with p99, strongest first. */
    public record LatencyDrivers(String sentence, List<Driver> ranked) {
    }

    /** One metric's Spearman correlation with per-second p99 at its best lag. */
    public record Driver(String metric, String node, String source, double rho, int lagSec, int samples,
            double aboveValue) {
    }

    /** What each request costs the server, and the commands by CPU. */
    public record ServerCost(List<ResourceCost> perRequest, List<Command> commands) {
        /** The cost of one resource, or null when the run could not measure it. */
        public ResourceCost of(String resource) {
            return perRequest.stream().filter(cost -> cost.resource().equals(resource)).findFirst().orElse(null);
        }
    }

    /**
     * One server resource per request, fitted over the run's seconds.
     *
     * @param resource engine_cpu_micros, process_cpu_micros, command_cpu_micros, commands or network_bytes
     */
    public record ResourceCost(String resource, Map<String, Double> perRequest, double backgroundPerSec,
            double meanPerRequest, double rSquared, boolean splitReliable, int seconds) {
    }

    /**
     * One command's share of the server's command CPU (INFO commandstats).
     *
     * @param cpuMicros              as commandstats measured it; a script command's includes the
     *                               commands its scripts called
     * @param cpuSharePct            of the command CPU counted once: a script's share leaves out
     *                               {@code innerCommandsCpuMicros}, which its inner commands' rows hold
     * @param linearInSize           the same as {@code walksData} (kept for older readers)
     * @param walksData              KEYS, FLUSH, or a size-dependent command above 100 µs a call
     * @param innerCommandsCpuMicros for a script command, the estimated CPU of the commands its
     *                               scripts called; 0 for others (and in summaries written before it)
     * @param sentByGateway          the reference gateway sends it; false: another client did (or a
     *                               summary written before this field)
     */
    public record Command(String command, double cpuMicros, double calls, double cpuSharePct, double microsPerCall,
            double callsPerSec, boolean linearInSize, boolean walksData, double innerCommandsCpuMicros,
            boolean sentByGateway) {
        /** Where the command ran, as far as the harness can tell. */
        public String where() {
            return where(sentByGateway);
        }

        /**
         * commandstats counts every client of the server, so only a command the gateway sends is
         * known to be on the request path.
         */
        public static String where(boolean sentByGateway) {
            return sentByGateway ? "on the request path" : "on the server during the run";
        }
    }

    /** Used memory per joined user, fitted over the run; null in the file when the run could not tell. */
    public record Memory(double bytesPerUser, double keysPerUser, double bytesPerKey, double fixedBytes,
            long usersJoined, int samples, double evictedKeys) {
    }

    /**
     * Levels of server metrics the capacity plan projects from; each mean with its sample count, so
     * the plan can pool several runs exactly.
     *
     * @param newConnectionsPerSec  mean per-second NewConnections, summed over the nodes
     * @param engineCpuPctMeasured  mean primary EngineCPUUtilization over the measured steps
     * @param usedBytesAtEnd        primary BytesUsedForCache at its last sample
     * @param alarmThresholds       the alarm rules the run was judged by (alarms.json): metric → threshold
     */
    public record ServerLevels(double newConnectionsPerSec, int newConnectionsSamples, double engineCpuPctMeasured,
            int engineCpuSamples, double usedBytesAtEnd, Map<String, Double> alarmThresholds) {
    }

    /** One alarm episode: from the first second in ALARM to the first after it. */
    public record Alarm(String alarm, String node, String source, long startEpochSec, long endEpochSec,
            double peakValue) {
    }

    /** One warning: its code for machines, its message (with the run's numbers) for people. */
    public record Warning(WarningCode code, String message) {
    }

    /** True when a warning of this code was given. */
    public boolean warns(WarningCode code) {
        return warnings.stream().anyMatch(warning -> warning.code() == code);
    }
}
