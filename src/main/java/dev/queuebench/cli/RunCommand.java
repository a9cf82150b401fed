package dev.queuebench.cli;

import dev.queuebench.analysis.RunSummary;
import dev.queuebench.gateway.GatewayServer;
import dev.queuebench.gateway.GatewaySettings;
import dev.queuebench.load.Drill;
import dev.queuebench.load.StartInstant;
import dev.queuebench.metrics.cloudwatch.ElastiCacheFailover;
import dev.queuebench.rundir.BadInputException;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import dev.queuebench.metrics.queue.QueueEntriesCheck;
import dev.queuebench.redis.EmbeddedReplicationGroup;
import dev.queuebench.redis.PoolProfile;
import dev.queuebench.redis.PrimaryEndpointWatch;
import dev.queuebench.load.DrillScheduler;
import dev.queuebench.metrics.queue.QueueEndReader;
import dev.queuebench.redis.EmbeddedRedis;
import dev.queuebench.redis.RedisEndpoint;
import dev.queuebench.redis.RedisTls;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import dev.queuebench.redis.RedisClients;
import dev.queuebench.rundir.QueueEndFile;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import dev.queuebench.gateway.InjectedRegressions;
import dev.queuebench.load.LoadRun;
import dev.queuebench.load.RunSettings;
import dev.queuebench.load.RunTarget;
import dev.queuebench.metrics.watch.ServerMetricsBesideRun;
import dev.queuebench.metrics.sampler.SamplerSettings;
import dev.queuebench.profile.ClientBehaviour;
import dev.queuebench.profile.JourneyShape;
import dev.queuebench.profile.LoadProfile;
import dev.queuebench.profile.ProfileCatalog;
import dev.queuebench.profile.StopRule;
import dev.queuebench.record.RequestCounts;
import dev.queuebench.redis.RedisEndpoint;
import dev.queuebench.report.RunReport;
import dev.queuebench.rundir.RunFiles;
import dev.queuebench.rundir.RunOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code queuebench run}: one load test, recorded in a run directory. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a load profile against the queue gateway and record it in results/runs/<run-id>/.",
            "With --target embedded (the default) it starts an embedded Redis and the reference gateway first.",
            "Profiles: smoke, baseline-10k, target-30k, stairs, ticket-open (docs/profiles.md#load-profiles)."})
final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--profile", defaultValue = "smoke", description = "Load profile. Default: ${DEFAULT-VALUE}.")
    String profileName;

    @Option(names = "--target", defaultValue = "embedded",
            description = "Gateway base URL, or 'embedded' to start the reference gateway here. Default: ${DEFAULT-VALUE}.")
    String target;

    @Mixin
    RedisOptions redis;

    @Option(names = "--inject-status-delay-ms", defaultValue = "0",
            description = "TEST-ONLY: add this sleep to every status request of the embedded gateway "
                    + "(to measure the regression gate). Default: ${DEFAULT-VALUE}.")
    long injectStatusDelayMillis;

    @Option(names = "--inject-status-keys-scan",
            description = "TEST-ONLY: add a KEYS over the event's user streams (O(N)) to every status request of the "
                    + "embedded gateway (to measure the regression gate).")
    boolean injectStatusKeysScan;

    @Option(names = "--inject-drop-position-writes-pct", defaultValue = "0", paramLabel = "PCT",
            description = "TEST-ONLY: leave out the position_index write of this percentage of joins in the embedded "
                    + "gateway (to measure the integrity audit). Default: ${DEFAULT-VALUE}.")
    double injectDropPositionWritesPct;

    @Option(names = "--inject-racy-enter",
            description = "TEST-ONLY: the embedded gateway's enter without its claim, so a double click can be "
                    + "granted twice (to measure the integrity audit).")
    boolean injectRacyEnter;

    @Option(names = "--inject-random-order",
            description = "TEST-ONLY: the embedded gateway admits whoever asks first, ignoring rank and minimum wait "
                    + "(to measure the integrity audit).")
    boolean injectRandomOrder;

    @Option(names = "--inject-eta-factor", defaultValue = "1", paramLabel = "FACTOR",
            description = "TEST-ONLY: multiply every eta_sec of the embedded gateway by this (to measure the "
                    + "integrity audit). Default: ${DEFAULT-VALUE}.")
    double injectEtaFactor;

    @Option(names = "--inject-stale-positions",
            description = "TEST-ONLY: the embedded gateway's status answers the position stored at join instead of "
                    + "the live rank (to measure the integrity audit).")
    boolean injectStalePositions;

    @Option(names = "--heartbeat-ttl-sec", defaultValue = "300",
            description = "The target's heartbeat TTL: the embedded gateway runs with it, and the integrity audit "
                    + "counts a user refused within it of their last poll as lost. Default: ${DEFAULT-VALUE}.")
    int heartbeatTtlSec;

    @Option(names = "--double-enter-pct", paramLabel = "PCT",
            description = "Percentage of users whose first enter is a double click (two at once). Default: 2.")
    Double doubleEnterPct;

    @Option(names = "--when-lost", paramLabel = "stop|rejoin",
            description = "What a user whose waiting token is refused does: stop (default) or rejoin.")
    String whenLost;

    @Option(names = "--drill", paramLabel = "KIND[:ARG]@SEC",
            description = "Do this to the target's Redis at that second of the measured phases (0 = the end of the "
                    + "warm-up), and put it on the run's timeline: pause:MS@SEC (CLIENT PAUSE), kill-connections@SEC "
                    + "(CLIENT KILL TYPE normal), restart@SEC (the embedded primary, nothing kept; restart:rdb@SEC "
                    + "saves and reloads its data), failover@SEC (the "
                    + "embedded replication group: Sentinel promotes the replica, HAProxy moves the primary endpoint; "
                    + "needs HAProxy), elasticache-failover@SEC (TestFailover of --replication-group). Several allowed. "
                    + "Needs the embedded Redis or --redis.")
    List<String> drillTexts = new ArrayList<>();

    @Option(names = "--replication-group", paramLabel = "ID",
            description = "The ElastiCache replication group of --redis, for --drill elasticache-failover.")
    String replicationGroup;

    @Option(names = "--node-group", paramLabel = "ID",
            description = "The node group elasticache-failover fails over. Default: 0001 (cluster mode disabled).")
    String nodeGroup;

    @Mixin
    AwsOptions aws;

    @Option(names = "--no-journeys",
            description = "Do not record journeys.bin.gz (no integrity audit for this run).")
    boolean noJourneys;

    @Option(names = "--label", description = "Run id suffix. Default: the profile name.")
    String label;

    @Option(names = "--node-type", description = "Redis node type label for the report, e.g. cache.r7g.large. "
            + "Default: 'embedded' with the embedded target, else 'unknown'.")
    String nodeType;

    @Option(names = "--scale", defaultValue = "1", description = "Multiply every rate, e.g. 0.1 for a small machine. "
            + "Default: ${DEFAULT-VALUE}.")
    double scale;

    @Option(names = "--hold-sec", description = "Duration of every hold phase.")
    Integer holdSec;

    @Option(names = "--ramp-sec", description = "Duration of every ramp phase.")
    Integer rampSec;

    @Option(names = "--warmup-sec", description = "Duration of the warm-up.")
    Integer warmupSec;

    @Option(names = "--polls-per-user", description = "Status polls per user.")
    Integer pollsPerUser;

    @Option(names = "--events", description = "Event ids the users spread over (1 = one hot event).")
    Integer events;

    @Option(names = "--leave-fraction", description = "Users who leave after their last poll (0-1).")
    Double leaveFraction;

    @Option(names = "--abandon-fraction", description = "Users who stop polling half-way (0-1).")
    Double abandonFraction;

    @Option(names = "--stop-p99-ms", description = "stairs: stop after a step whose p99 is above this.")
    Double stopP99Millis;

    @Option(names = "--stop-error-pct", description = "stairs: stop after a step whose KO share is above this.")
    Double stopErrorPercent;

    @Option(names = "--arrivals", description = "poisson (random gaps, as real users) or even. "
            + "Default: the profile's (even for smoke, poisson for the others).")
    String arrivals;

    @Option(names = "--connection-per-user",
            description = "One connection per virtual user instead of shared connections (models browsers).")
    boolean connectionPerUser;

    @Option(names = "--request-timeout-ms", defaultValue = "10000",
            description = "A request unanswered after this is a KO. Default: ${DEFAULT-VALUE}.")
    int requestTimeoutMillis;

    @Option(names = "--injector-heap-mb", defaultValue = "1024", description = "Gatling's heap. Default: ${DEFAULT-VALUE}.")
    int injectorHeapMb;

    @Option(names = "--injector-index", paramLabel = "I",
            description = "This injector's index (0-based). Default: JOB_COMPLETION_INDEX (a Kubernetes Indexed Job's "
                    + "pod), else 0.")
    Integer injectorIndex;

    @Option(names = "--injector-count", defaultValue = "1",
            description = "Injectors sharing the load; each sends 1/count of it. With more than one, give --run-group "
                    + "and --start-at. Default: ${DEFAULT-VALUE}.")
    int injectorCount;

    @Option(names = "--run-group", paramLabel = "ID",
            description = "The id every part of a multi-injector run shares (a-z 0-9 -), for `merge`.")
    String runGroup;

    @Option(names = "--start-at", paramLabel = "T",
            description = "Begin the profile's first phase at this instant (ISO-8601 UTC such as 2026-12-03T10:00:00Z, "
                    + "or epoch seconds), so every injector's phases line up to the second; an injector that is not "
                    + "ready by then refuses to run shifted (outcome aborted).")
    String startAt;

    @Option(names = "--no-gatling-report", description = "Skip Gatling's own HTML report (saves memory on long runs).")
    boolean noGatlingReport;

    @Option(names = "--node-memory-bytes", paramLabel = "BYTES",
            description = "The node type's memory, for DatabaseMemoryUsagePercentage in server.csv when Redis reports "
                    + "maxmemory 0. Default: maxmemory, else the host's total_system_memory.")
    Long nodeMemoryBytes;

    @Option(names = "--results-dir", defaultValue = "results/runs", description = "Default: ${DEFAULT-VALUE}.")
    Path resultsDir;

    @Option(names = "--upload", paramLabel = "s3://BUCKET/PREFIX",
            description = "When the run has ended (an interrupted one too), upload its directory there, every file: "
                    + "a part of a run group to PREFIX/<run-group>/part-<index>/ (what merge s3://BUCKET/PREFIX/"
                    + "<run-group> reads), else to PREFIX/<run-id>/. AWS SDK, default credential chain (IRSA on EKS); "
                    + "--aws-region, --aws-endpoint-url for an S3-compatible server. The bucket is checked before the run.")
    String upload;

    /** Where --upload sends the run directory at the end; null without it. */
    private UploadAfterRun uploadAfterRun;

    @Override
    public Integer call() throws Exception {
        try (RunInterruption interruption = upload == null ? RunInterruption.install()
                : RunInterruption.install(RunInterruption.WAIT_MILLIS + UploadAfterRun.WAIT_MILLIS,
                        "recording and uploading (a part in S3 without run.json is one merge refuses)")) {
            return call(interruption);
        }
    }

    private Integer call(RunInterruption interruption) throws Exception {
        LoadProfile profile;
        RunSettings settings;
        try {
            profile = overridden(ProfileCatalog.named(profileName)).scaled(scale);
            boolean embedded = "embedded".equals(target);
            settings = RunSettings.builder(profile)
                    .scale(scale)
                    .label(label == null ? profileName : label)
                    .nodeType(nodeType != null ? nodeType : embedded ? "embedded" : RunSettings.DEFAULT_NODE_TYPE)
                    .resultsRoot(resultsDir)
                    .sharedConnections(!connectionPerUser)
                    .requestTimeoutMillis(requestTimeoutMillis)
                    .injectorHeapMb(injectorHeapMb)
                    .injector(injectorIndex(), injectorCount)
                    .group(runGroup, startAt == null ? 0 : StartInstant.parseEpochMs(startAt, "--start-at"))
                    .gatlingReport(!noGatlingReport)
                    .heartbeatTtlSec(heartbeatTtlSec)
                    .recordJourneys(!noJourneys)
                    .build();
            injected(); // validates the TEST-ONLY options
            drills();
            elastiCacheFailover();
            uploadAfterRun = UploadAfterRun.of(upload, aws);
            if (hasDrill(Drill.Kind.FAILOVER) && (!embedded || !redis.embedded() || hasDrill(Drill.Kind.RESTART))) {
                throw new IllegalArgumentException("--drill failover runs the embedded replication group (primary, "
                        + "replica, Sentinel, HAProxy as the primary endpoint): use it with --target embedded and no "
                        + "--redis, without a restart drill; against ElastiCache use --drill elasticache-failover@SEC "
                        + "--replication-group ID");
            }
            if (!embedded && !target.matches("https?://[^\\s]+")) {
                throw new IllegalArgumentException("--target must be an http(s):// URL or 'embedded', was '" + target + "'");
            }
        } catch (IllegalArgumentException | BadInputException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (uploadAfterRun != null) {
            try {
                uploadAfterRun.checkListable(settings.runGroup(), settings.injectorIndex());
            } catch (BadInputException e) {
                System.err.println(e.getMessage() + ". The run has not started.");
                return QueuebenchCommand.EXIT_FAILURE;
            }
        }
        if (injected().any() && !"embedded".equals(target)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--inject-* change the embedded reference gateway only; drop them or use --target embedded");
        }
        if ("embedded".equals(target)) {
            if (injected().any()) {
                System.out.println("TEST-ONLY: the reference gateway carries injected regressions (" + injected() + ")");
            }
            try (RedisSetup setup = interruption.stopsAfterWaiting(openEmbedded());
                    GatewayServer gateway = GatewayServer.start(GatewayServer.Options.loopback(0), setup.primary(),
                            setup.reader(), GatewaySettings.defaults().withHeartbeatTtlSec(settings.heartbeatTtlSec()),
                            injected())) {
                RunTarget runTarget = new RunTarget(gateway.baseUrl(), true, setup.primaryEndpoint().redacted(),
                        setup.reader() == null ? null : setup.describeReader(), setup.describePrimary());
                return execute(settings, runTarget, sampler(setup.primaryEndpoint(), setup.readerEndpoint()),
                        interruption, setup.primary(), drillScheduler(setup.primaryEndpoint(), setup));
            }
        }
        RunTarget runTarget = new RunTarget(target.replaceAll("/+$", ""), false,
                redis.embedded() ? null : redis.primaryEndpoint().redacted(),
                redis.readerUrl == null ? null : redis.readerEndpoint().redacted(), null);
        if (redis.embedded()) {
            if (!drills().isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--drill acts on the target's Redis: "
                        + "give it with --redis URL (or run against --target embedded)");
            }
            return execute(settings, runTarget, null, interruption, null, null);
        }
        try (RedisClient queueRedis = RedisClients.open(redis.primaryEndpoint(), redis.pool(), redis.tls(),
                "queuebench-audit")) {
            return execute(settings, runTarget, sampler(redis.primaryEndpoint(), redis.readerEndpoint()), interruption,
                    queueRedis, drillScheduler(redis.primaryEndpoint(), null));
        }
    }

    private SamplerSettings sampler(RedisEndpoint primary, RedisEndpoint reader) {
        try {
            return SamplerSettings.of(primary, reader, redis.tls(),
                    nodeMemoryBytes == null ? OptionalLong.empty() : OptionalLong.of(nodeMemoryBytes));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** This injector's index: --injector-index, else a Kubernetes Indexed Job's JOB_COMPLETION_INDEX, else 0. */
    private int injectorIndex() {
        if (injectorIndex != null) {
            return injectorIndex;
        }
        String fromJob = System.getenv("JOB_COMPLETION_INDEX");
        if (fromJob == null || fromJob.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(fromJob.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("JOB_COMPLETION_INDEX is '" + fromJob + "', not an index: give "
                    + "--injector-index");
        }
    }

    /**
     * @param queueRedis the target's Redis, whose queue is read at the end for the integrity audit; null when unknown.
     *                   Of a run group's injectors, only injector 0 samples the Redis, does the drills and reads
     *                   the queue at the end: once per run, whatever the number of parts.
     */
    private int execute(RunSettings settings, RunTarget runTarget, SamplerSettings sampler,
            RunInterruption interruption, UnifiedJedis queueRedis, DrillScheduler drills) throws Exception {
        System.out.println("Running profile " + settings.profile().name() + " (" + settings.profile().description()
                + ") against " + runTarget.recordedGatewayUrl());
        boolean groupsFirst = settings.injectorIndex() == 0;
        if (!groupsFirst) {
            queueRedis = null;
            if (drills != null) {
                System.out.println("The drills are injector 0's to do; this is injector " + settings.injectorIndex());
                drills.close();
                drills = null;
            }
        }
        ServerMetricsBesideRun serverMetrics = groupsFirst || sampler == null
                ? new ServerMetricsBesideRun(sampler, System.out::println)
                : ServerMetricsBesideRun.elsewhere("No server.csv here: injector 0 of run group " + settings.runGroup()
                        + " samples the Redis, once for the whole run", System.out::println);
        LoadRun run = new LoadRun(settings, runTarget, System.out::println, serverMetrics::start).withDrills(drills);
        interruption.attach(run);
        LoadRun.Result result = run.execute();
        if (queueRedis != null && settings.recordJourneys()) {
            recordQueueEnd(queueRedis, result.runDir());
        }
        printSummary(result);
        writeReport(result.runDir());
        boolean uploaded = uploadAfterRun == null || uploadAfterRun.upload(result.runDir());
        return result.outcome() == RunOutcome.COMPLETED && uploaded ? QueuebenchCommand.EXIT_OK
                : QueuebenchCommand.EXIT_FAILURE;
    }

    private List<Drill> drills() {
        List<Drill> parsed = new ArrayList<>();
        for (String text : drillTexts) {
            parsed.add(Drill.parse(text));
        }
        return parsed;
    }

    /** A failover drill that has not moved the primary endpoint within this has failed. */
    private static final long FAILOVER_TIMEOUT_MILLIS = 60_000;
    private static final int QUEUE_END_ATTEMPTS = 3;
    /** ElastiCache's own failover takes seconds to minutes after TestFailover; the drill waits this long for it. */
    private static final long ELASTICACHE_FAILOVER_TIMEOUT_MILLIS = 15 * 60_000;

    /**
     * The TestFailover call of an elasticache-failover drill, checked before the run starts; null without one.
     *
     * @throws IllegalArgumentException naming what is missing or wrong
     */
    private ElastiCacheFailover.Request elastiCacheFailover() {
        if (!hasDrill(Drill.Kind.ELASTICACHE_FAILOVER)) {
            if (replicationGroup != null || nodeGroup != null) {
                throw new IllegalArgumentException("--replication-group and --node-group go with --drill "
                        + "elasticache-failover@SEC");
            }
            if (aws.given() && upload == null) {
                throw new IllegalArgumentException("--aws-region and --aws-endpoint-url go with --drill "
                        + "elasticache-failover@SEC or --upload");
            }
            return null;
        }
        if (replicationGroup == null || redis.embedded()) {
            throw new IllegalArgumentException("--drill elasticache-failover needs the group's primary endpoint as "
                    + "--redis (its sampler and queue check follow the failover there) and its id as "
                    + "--replication-group, e.g. --redis rediss://master.qb-prod.abc123.euw1.cache.amazonaws.com:6379 "
                    + "--replication-group qb-prod");
        }
        try {
            return new ElastiCacheFailover.Request(replicationGroup, nodeGroup, aws.region(), aws.endpointUrl(),
                    DefaultCredentialsProvider.builder().build());
        } catch (BadInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private boolean hasDrill(Drill.Kind kind) {
        return drills().stream().anyMatch(drill -> drill.kind() == kind);
    }

    /**
     * The embedded Redis: one server, or the replication group (primary, replica, Sentinel, HAProxy) a
     * failover drill needs.
     */
    private RedisSetup openEmbedded() {
        if (!hasDrill(Drill.Kind.FAILOVER)) {
            return RedisSetup.open(redis, false, redis.pool(), redis.tls(), false);
        }
        try {
            return RedisSetup.openReplicationGroup(redis.pool(), false);
        } catch (IllegalStateException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * The run's drills, done to this Redis; null when there are none.
     *
     * @param embedded what the run started (a server or a replication group), or null for the user's own Redis
     */
    private DrillScheduler drillScheduler(RedisEndpoint primary, RedisSetup embedded) {
        List<Drill> drills = drills();
        if (drills.isEmpty()) {
            return null;
        }
        EmbeddedRedis server = embedded == null ? null : embedded.embeddedPrimary();
        EmbeddedReplicationGroup group = embedded == null ? null : embedded.embeddedGroup();
        if (server == null && hasDrill(Drill.Kind.RESTART)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--drill restart restarts the embedded Redis "
                    + "only; against your own Redis use pause or kill-connections (a restart or failover of a managed "
                    + "node is its provider's action: elasticache-failover for ElastiCache)");
        }
        if (group == null && hasDrill(Drill.Kind.FAILOVER)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--drill failover drives the embedded "
                    + "replication group: use --target embedded; against ElastiCache use --drill "
                    + "elasticache-failover@SEC --replication-group ID");
        }
        RedisTls tls = redis.tls();
        DrillScheduler.Action action = drill -> switch (drill.kind()) {
            case PAUSE -> {
                try (Jedis jedis = RedisClients.single(primary, tls, 5_000)) {
                    jedis.sendCommand(Protocol.Command.CLIENT, "PAUSE", Long.toString(drill.argMillis()), "ALL");
                }
                yield "";
            }
            case KILL_CONNECTIONS -> {
                try (Jedis jedis = RedisClients.single(primary, tls, 5_000)) {
                    yield jedis.sendCommand(Protocol.Command.CLIENT, "KILL", "TYPE", "normal") + " connections closed";
                }
            }
            case RESTART -> {
                if (drill.keepData()) {
                    server.restartKeepingData();
                } else {
                    server.stop();
                    server.restart();
                }
                yield "";
            }
            case FAILOVER -> group.failover(FAILOVER_TIMEOUT_MILLIS).describe();
            case ELASTICACHE_FAILOVER -> {
                String before = PrimaryEndpointWatch.runId(primary, tls);
                String status = ElastiCacheFailover.testFailover(elastiCacheFailover());
                long movedMillis = PrimaryEndpointWatch.awaitAnotherPrimary(primary, tls, before,
                        ELASTICACHE_FAILOVER_TIMEOUT_MILLIS);
                yield "TestFailover accepted (group " + status + "); the primary endpoint led to another primary "
                        + movedMillis + " ms later";
            }
        };
        return new DrillScheduler(drills, action, queueCheck(primary, tls, redis.pool()));
    }

    /** The queue's entries just before and after each drill, on a connection of the check's own. */
    private static DrillScheduler.QueueCheck queueCheck(RedisEndpoint primary, RedisTls tls, PoolProfile pool) {
        return () -> {
            try (UnifiedJedis redis = RedisClients.open(primary, pool, tls, "queuebench-drill")) {
                QueueEntriesCheck.Snapshot before = QueueEntriesCheck.snapshot(redis);
                return () -> {
                    try (UnifiedJedis after = RedisClients.open(primary, pool, tls, "queuebench-drill")) {
                        return QueueEntriesCheck.since(after, before).detail();
                    }
                };
            }
        };
    }

    /** The queue as Redis holds it now, for the audit's end-state check; a failure is said and loses nothing else. */
    private static void recordQueueEnd(UnifiedJedis queueRedis, Path runDir) {
        // After a failover or restart the pool may still hold connections the server closed: the first
        // commands on them fail, and the pool replaces them. A few tries get past those.
        for (int attempt = 1; ; attempt++) {
            try {
                QueueEndFile.QueueEnd queue = QueueEndReader.read(queueRedis);
                QueueEndFile.write(runDir.resolve(RunFiles.QUEUE_END), queue);
                return;
            } catch (IOException | RuntimeException e) {
                if (attempt < QUEUE_END_ATTEMPTS && !(e instanceof IOException)) {
                    continue;
                }
                System.err.println("The queue could not be read at the end of the run (" + e.getMessage()
                        + "); the integrity audit goes without its end-state check");
                return;
            }
        }
    }

    /** The report of every run, so the run directory ends with report.html; a failure here loses no data. */
    private static void writeReport(Path runDir) {
        try {
            RunSummary summary = RunReport.write(runDir);
            System.out.println("Report: " + runDir.resolve(RunFiles.REPORT_HTML).toAbsolutePath());
            System.out.println("  " + summary.knee().sentence());
            System.out.println("  " + summary.driverSentence());
        } catch (IOException | RuntimeException e) {
            System.err.println("The run is recorded, but its report failed: " + e.getMessage()
                    + "; retry with: java -jar target/queuebench.jar report " + runDir);
        }
    }

    private InjectedRegressions injected() {
        return new InjectedRegressions(injectStatusDelayMillis, injectStatusKeysScan, injectDropPositionWritesPct / 100,
                injectRacyEnter, injectRandomOrder, injectEtaFactor, injectStalePositions);
    }

    private static void printSummary(LoadRun.Result result) {
        System.out.println();
        System.out.println("Outcome: " + result.outcome().label()
                + (result.reason() == null ? "" : " (" + result.reason() + ")"));
        System.out.printf("%-8s %10s %10s  %s%n", "request", "ok", "ko", "ko by cause");
        for (Map.Entry<String, RequestCounts> entry : result.totals().entrySet()) {
            System.out.printf("%-8s %10d %10d  %s%n", entry.getKey(), entry.getValue().ok(), entry.getValue().ko(),
                    entry.getValue().koByCause());
        }
        System.out.println("Journeys started: " + result.journeysStarted());
        System.out.println("Run directory: " + result.runDir().toAbsolutePath());
    }

    private LoadProfile overridden(LoadProfile profile) {
        LoadProfile changed = profile;
        if (holdSec != null) {
            changed = changed.withHoldSec(holdSec);
        }
        if (rampSec != null) {
            changed = changed.withRampSec(rampSec);
        }
        if (warmupSec != null) {
            changed = changed.withWarmupSec(warmupSec);
        }
        JourneyShape journey = changed.journey();
        changed = changed.withJourney(new JourneyShape(
                pollsPerUser != null ? pollsPerUser : journey.pollsPerUser(),
                journey.pollIntervalMillis(),
                leaveFraction != null ? leaveFraction : journey.leaveFraction(),
                abandonFraction != null ? abandonFraction : journey.abandonFraction(),
                events != null ? events : journey.events()));
        if (arrivals != null) {
            if (!arrivals.equals("poisson") && !arrivals.equals("even")) {
                throw new IllegalArgumentException("--arrivals must be poisson or even, was '" + arrivals + "'");
            }
            changed = changed.withPoissonArrivals(arrivals.equals("poisson"));
        }
        if (doubleEnterPct != null || whenLost != null) {
            ClientBehaviour clients = changed.clients();
            changed = changed.withClients(new ClientBehaviour(
                    doubleEnterPct != null ? doubleEnterPct / 100 : clients.doubleEnterFraction(),
                    whenLost != null ? ClientBehaviour.WhenLost.parse(whenLost) : clients.whenLost()));
        }
        if (stopP99Millis != null || stopErrorPercent != null) {
            StopRule rule = changed.stopRule() != null ? changed.stopRule() : new StopRule(500, 1);
            changed = changed.withStopRule(new StopRule(stopP99Millis != null ? stopP99Millis : rule.p99LimitMillis(),
                    stopErrorPercent != null ? stopErrorPercent : rule.errorLimitPercent()));
        }
        return changed;
    }
}
