package dev.queuebench.rundir;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code run.json}: what a run was and how it ended. Written by {@link RunJsonFile} when the run
 * starts (outcome {@code running}, no end) and again when it ends, atomically, so the file is always
 * whole. Field names are snake_case; every number carries its unit in its name.
 *
 * <pre>
 * {
 *   "schema_version": 1,
 *   "id": "20261125T101500Z-smoke", "label": "smoke",
 *   "start_ms": 1764065700000, "end_ms": 1764065745000 (absent while running),
 *   "profile": {"name", "description", "scale",
 *               "phases": [{"name", "duration_sec", "from_rps", "to_rps", "warmup"}],
 *               "journey": {"polls_per_user", "poll_interval_ms", "leave_fraction", "abandon_fraction", "events",
 *                           "requests_per_user_modelled", "requests_per_user_fewest"},
 *               "arrivals": "poisson" | "even", "arrivals_controlled": true,
 *               "shared_connections", "request_timeout_ms", "stop_p99_ms", "stop_error_percent" (stairs only)},
 *   "target": {"gateway_url", "embedded", "redis" (password removed), "reader", "redis_server"},
 *   "node_type": "cache.r7g.large",
 *   "injector": {"index", "count", "heap_mb", "cores", "max_cpu_share", "max_gc_pause_ms", "cpu_sec",
 *                "gatling_exit_code",
 *                "run_group", "start_at_ms" (both absent for a run of one injector without --start-at)},
 *   "versions": {"harness", "harness_git_sha", "gatling", "redis_server", "jvm"},
 *   "outcome": "completed" | "aborted" | "injector-saturated" | "target-failed" | "running" ({@link RunOutcome}),
 *   "reason": "…" (empty when there is none; absent while running),
 *   "totals": {"users_injected" (Gatling users started), "journeys_started" (joins),
 *              "requests": {"join": {"ok", "ko", "ko_by_cause": {"http_503": 2}}, …},
 *              "requests_per_user_measured", "requests_per_user_modelled"},
 *   "delivery": [{"phase", "intended_requests", "sent_requests", "planned_candidates", "injected_candidates"}],
 *   "parts": [{"index", "id", "outcome", "reason", "start_ms", "end_ms", "last_second_epoch_sec",
 *              "intended_requests", "sent_requests", "max_cpu_share", "max_gc_pause_ms"}]
 *            (a run merged from several injectors' parts by {@code queuebench merge}; absent otherwise)
 * }
 * </pre>
 *
 * <p>Reading tolerates fields it does not know and defaults the ones a file lacks (files older than
 * {@code schema_version} are version 1; their prose {@code arrivals_are} means
 * {@code arrivals_controlled}). Absent objects read as empty ones, never null.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunJson(int schemaVersion, String id, String label, long startMs, Long endMs, Profile profile,
        Target target, String nodeType, Injector injector, Versions versions, RunOutcome outcome, String reason,
        Totals totals, List<Delivery> delivery, List<Part> parts) {
    /** The schema this code writes; a reader refuses a newer one. */
    public static final int SCHEMA_VERSION = 1;

    public RunJson {
        schemaVersion = schemaVersion == 0 ? SCHEMA_VERSION : schemaVersion;
        label = label == null ? "" : label;
        profile = profile == null ? Profile.EMPTY : profile;
        target = target == null ? new Target("", false, null, null, null) : target;
        nodeType = nodeType == null ? "unknown" : nodeType;
        injector = injector == null ? new Injector(0, 1, 0, 0, null, null, null, null, null, null) : injector;
        versions = versions == null ? new Versions(null, null, null, null, null) : versions;
        outcome = outcome == null ? RunOutcome.RUNNING : outcome;
        delivery = delivery == null ? List.of() : List.copyOf(delivery);
        parts = parts == null || parts.isEmpty() ? null : List.copyOf(parts);
    }

    /** The record of a run that has just started: outcome {@code running}, no end, no totals yet. */
    public static RunJson started(String id, String label, long startMs, Profile profile, Target target,
            String nodeType, Injector injector, Versions versions) {
        return new RunJson(SCHEMA_VERSION, id, label, startMs, null, profile, target, nodeType, injector, versions,
                RunOutcome.RUNNING, null, null, null, null);
    }

    /** This record, ended: the end time, how it ended (the reason may be null: written empty) and what it measured. */
    public RunJson ended(long newEndMs, RunOutcome newOutcome, String newReason, Injector newInjector,
            Versions newVersions, Totals newTotals, List<Delivery> newDelivery) {
        return new RunJson(schemaVersion, id, label, startMs, newEndMs, profile, target, nodeType, newInjector,
                newVersions, newOutcome, newReason == null ? "" : newReason, newTotals, newDelivery, parts);
    }

    /** A run made of several injectors' parts ({@code queuebench merge}). */
    public static RunJson merged(String id, String label, long startMs, long endMs, Profile profile, Target target,
            String nodeType, Injector injector, Versions versions, RunOutcome outcome, String reason, Totals totals,
            List<Delivery> delivery, List<Part> parts) {
        return new RunJson(SCHEMA_VERSION, id, label, startMs, endMs, profile, target, nodeType, injector, versions,
                outcome, reason == null ? "" : reason, totals, delivery, parts);
    }

    /** The parts of a merged run, or none. */
    public List<Part> partsOrNone() {
        return parts == null ? List.of() : parts;
    }

    /** Reason empty when the run gave none. */
    public String reasonOrEmpty() {
        return reason == null ? "" : reason;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Profile(String name, String description, double scale, List<Phase> phases, Journey journey,
            String arrivals, boolean arrivalsControlled, Boolean sharedConnections, Integer requestTimeoutMs, Double stopP99Ms,
            Double stopErrorPercent) {
        static final Profile EMPTY = new Profile(null, null, 1, null, null, null, false, null, null, null, null);

        public Profile {
            name = name == null ? "?" : name;
            description = description == null ? "" : description;
            scale = scale == 0 ? 1 : scale;
            phases = phases == null ? List.of() : List.copyOf(phases);
        }
    }

    /** One phase of the profile: total requests per second ramp from {@code fromRps} to {@code toRps}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Phase(String name, int durationSec, double fromRps, double toRps, boolean warmup) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Journey(int pollsPerUser, int pollIntervalMs, double leaveFraction, double abandonFraction,
            int events, double requestsPerUserModelled, double requestsPerUserFewest) {
    }

    /** What the load went to; {@code redis} and {@code reader} have their passwords removed before they get here. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Target(String gatewayUrl, boolean embedded, String redis, String reader, String redisServer) {
        public Target {
            gatewayUrl = gatewayUrl == null ? "" : gatewayUrl;
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Injector(int index, int count, int heapMb, int cores, Double maxCpuShare, Double maxGcPauseMs,
            Double cpuSec, Integer gatlingExitCode, String runGroup, Long startAtMs) {
        /**
         * This injector after the run: its peak CPU share, its longest GC pause, the CPU seconds its Gatling
         * process used (null when unknown) and Gatling's exit code.
         */
        public Injector measured(double newMaxCpuShare, double newMaxGcPauseMs, Double newCpuSec,
                Integer newGatlingExitCode) {
            return new Injector(index, count, heapMb, cores, newMaxCpuShare, newMaxGcPauseMs, newCpuSec,
                    newGatlingExitCode, runGroup, startAtMs);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Versions(String harness, String harnessGitSha, String gatling, String redisServer, String jvm) {
        public Versions withGatling(String newGatling) {
            return new Versions(harness, harnessGitSha, newGatling, redisServer, jvm);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Totals(long usersInjected, long journeysStarted, Map<String, Requests> requests,
            double requestsPerUserMeasured, double requestsPerUserModelled) {
        public Totals {
            requests = requests == null ? Map.of() : new TreeMap<>(requests);
        }
    }

    /** One request name's totals; {@code koByCause} keys are {@code KoCause} codes such as {@code http_503}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Requests(long ok, long ko, Map<String, Long> koByCause) {
        public Requests {
            koByCause = koByCause == null ? Map.of() : new TreeMap<>(koByCause);
        }
    }

    /**
     * How much of a phase's plan was sent: requests planned and sent, users (each a journey) the arrival
     * control scheduled and Gatling started, under their names from when users were candidates for a journey.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Delivery(String phase, double intendedRequests, long sentRequests, double plannedCandidates,
            long injectedCandidates) {
    }

    /** One injector's part of a merged run: how it ended, when it last recorded a second, and what it delivered. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Part(int index, String id, RunOutcome outcome, String reason, long startMs, Long endMs,
            Long lastSecondEpochSec, double intendedRequests, long sentRequests, Double maxCpuShare,
            Double maxGcPauseMs) {
    }
}
