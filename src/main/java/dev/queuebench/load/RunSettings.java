package dev.queuebench.load;

import dev.queuebench.profile.LoadProfile;
import java.nio.file.Path;

/**
 * Everything one load run needs besides the target: immutable, made with {@link #builder(LoadProfile)},
 * whose defaults are declared together below and checked once in {@link Builder#build()}.
 */
public final class RunSettings {
    /** Default {@code 1}: the profile's rates as they are. Recorded only; the profile is already scaled. */
    public static final double DEFAULT_SCALE = 1;
    /** Default {@code unknown}: the node type label of an outside Redis nobody named. */
    public static final String DEFAULT_NODE_TYPE = "unknown";
    /** Default {@code results/runs}, relative to the working directory. */
    public static final Path DEFAULT_RESULTS_ROOT = Path.of("results", "runs");
    /** Default {@code true}: one connection pool for all virtual users, like gateway pods behind a balancer. */
    public static final boolean DEFAULT_SHARED_CONNECTIONS = true;
    /** Default {@code 10,000} ms: a request unanswered after this is a KO. */
    public static final int DEFAULT_REQUEST_TIMEOUT_MILLIS = 10_000;
    /** Default {@code 1,024} MB: the Gatling JVM's heap. */
    public static final int DEFAULT_INJECTOR_HEAP_MB = 1_024;
    /** Default {@code true}: Gatling writes its own HTML report. */
    public static final boolean DEFAULT_GATLING_REPORT = true;
    /** Default {@code 300} s: the real gateway's heartbeat TTL, which the integrity audit judges lost users by. */
    public static final int DEFAULT_HEARTBEAT_TTL_SEC = 300;
    /** Default {@code true}: every journey goes to {@code journeys.bin.gz} for the integrity audit. */
    public static final boolean DEFAULT_RECORD_JOURNEYS = true;

    private final LoadProfile profile;
    private final double scale;
    private final String label;
    private final String nodeType;
    private final Path resultsRoot;
    private final boolean sharedConnections;
    private final int requestTimeoutMillis;
    private final int injectorHeapMb;
    private final int injectorIndex;
    private final int injectorCount;
    private final String runGroup;
    private final long startAtEpochMs;
    private final boolean gatlingReport;
    private final int heartbeatTtlSec;
    private final boolean recordJourneys;

    private RunSettings(Builder builder) {
        profile = builder.profile;
        scale = builder.scale;
        label = builder.label == null ? builder.profile.name() : builder.label;
        nodeType = builder.nodeType;
        resultsRoot = builder.resultsRoot;
        sharedConnections = builder.sharedConnections;
        requestTimeoutMillis = builder.requestTimeoutMillis;
        injectorHeapMb = builder.injectorHeapMb;
        injectorIndex = builder.injectorIndex;
        injectorCount = builder.injectorCount;
        runGroup = builder.runGroup;
        startAtEpochMs = builder.startAtEpochMs;
        gatlingReport = builder.gatlingReport;
        heartbeatTtlSec = builder.heartbeatTtlSec;
        recordJourneys = builder.recordJourneys;
    }

    /** The target's heartbeat TTL: the embedded gateway runs with it; the audit judges lost users by it. */
    public int heartbeatTtlSec() {
        return heartbeatTtlSec;
    }

    public boolean recordJourneys() {
        return recordJourneys;
    }

    /** @param profile the profile with the command line's overrides (and {@code --scale}) applied */
    public static Builder builder(LoadProfile profile) {
        return new Builder(profile);
    }

    public LoadProfile profile() {
        return profile;
    }

    /** The {@code --scale} already applied to the profile (recorded only). */
    public double scale() {
        return scale;
    }

    /** The run id's suffix; default the profile's name. */
    public String label() {
        return label;
    }

    /** The Redis node type label, e.g. {@code cache.r7g.large}. */
    public String nodeType() {
        return nodeType;
    }

    /** Where run directories are made. */
    public Path resultsRoot() {
        return resultsRoot;
    }

    public boolean sharedConnections() {
        return sharedConnections;
    }

    public int requestTimeoutMillis() {
        return requestTimeoutMillis;
    }

    public int injectorHeapMb() {
        return injectorHeapMb;
    }

    /** This injector's index when several share a load (0-based); default 0. */
    public int injectorIndex() {
        return injectorIndex;
    }

    /** How many injectors share the load; default 1. */
    public int injectorCount() {
        return injectorCount;
    }

    /** The id every part of a multi-injector run shares ({@code --run-group}); null for a run of one. */
    public String runGroup() {
        return runGroup;
    }

    /** When the profile's first phase begins ({@code --start-at}), epoch ms; 0 for as soon as Gatling is up. */
    public long startAtEpochMs() {
        return startAtEpochMs;
    }

    public boolean gatlingReport() {
        return gatlingReport;
    }

    /** Collects the settings; every one left unset keeps its {@code DEFAULT_…}. */
    public static final class Builder {
        private final LoadProfile profile;
        private double scale = DEFAULT_SCALE;
        private String label;
        private String nodeType = DEFAULT_NODE_TYPE;
        private Path resultsRoot = DEFAULT_RESULTS_ROOT;
        private boolean sharedConnections = DEFAULT_SHARED_CONNECTIONS;
        private int requestTimeoutMillis = DEFAULT_REQUEST_TIMEOUT_MILLIS;
        private int injectorHeapMb = DEFAULT_INJECTOR_HEAP_MB;
        private int injectorIndex;
        private int injectorCount = 1;
        private String runGroup;
        private long startAtEpochMs;
        private boolean gatlingReport = DEFAULT_GATLING_REPORT;
        private int heartbeatTtlSec = DEFAULT_HEARTBEAT_TTL_SEC;
        private boolean recordJourneys = DEFAULT_RECORD_JOURNEYS;

        private Builder(LoadProfile profile) {
            if (profile == null) {
                throw new IllegalArgumentException("a run needs a profile");
            }
            this.profile = profile;
        }

        public Builder scale(double value) {
            scale = value;
            return this;
        }

        public Builder label(String value) {
            label = value;
            return this;
        }

        public Builder nodeType(String value) {
            nodeType = value;
            return this;
        }

        public Builder resultsRoot(Path value) {
            resultsRoot = value;
            return this;
        }

        public Builder sharedConnections(boolean value) {
            sharedConnections = value;
            return this;
        }

        public Builder requestTimeoutMillis(int value) {
            requestTimeoutMillis = value;
            return this;
        }

        public Builder injectorHeapMb(int value) {
            injectorHeapMb = value;
            return this;
        }

        public Builder injector(int index, int count) {
            injectorIndex = index;
            injectorCount = count;
            return this;
        }

        /** @param group the parts' shared id, or null; @param startAtMs epoch ms of the first phase, or 0 */
        public Builder group(String group, long startAtMs) {
            runGroup = group;
            startAtEpochMs = startAtMs;
            return this;
        }

        public Builder gatlingReport(boolean value) {
            gatlingReport = value;
            return this;
        }

        public Builder heartbeatTtlSec(int value) {
            heartbeatTtlSec = value;
            return this;
        }

        public Builder recordJourneys(boolean value) {
            recordJourneys = value;
            return this;
        }

        /** @throws IllegalArgumentException naming the command-line option and its range */
        public RunSettings build() {
            if (requestTimeoutMillis < 1) {
                throw new IllegalArgumentException("--request-timeout-ms must be >= 1, was " + requestTimeoutMillis);
            }
            if (heartbeatTtlSec < 1) {
                throw new IllegalArgumentException("--heartbeat-ttl-sec must be >= 1, was " + heartbeatTtlSec);
            }
            if (injectorHeapMb < 64) {
                throw new IllegalArgumentException("--injector-heap-mb must be >= 64, was " + injectorHeapMb);
            }
            if (injectorCount < 1 || injectorIndex < 0 || injectorIndex >= injectorCount) {
                throw new IllegalArgumentException("--injector-index must be between 0 and --injector-count - 1");
            }
            if (runGroup != null && !runGroup.matches("[a-z0-9][a-z0-9-]{0,62}")) {
                throw new IllegalArgumentException("--run-group must be 1-63 characters of a-z 0-9 -, starting with a "
                        + "letter or digit (it names the run's parts, also in Kubernetes), was '" + runGroup + "'");
            }
            if (injectorCount > 1 && (runGroup == null || startAtEpochMs == 0)) {
                throw new IllegalArgumentException("--injector-count " + injectorCount + " needs --run-group ID and "
                        + "--start-at T, the same for every injector, so their parts line up to the second and "
                        + "`queuebench merge` can join them (`queuebench k8s job` fills both in)");
            }
            String effectiveLabel = label == null ? profile.name() : label;
            if (!effectiveLabel.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new IllegalArgumentException("--label must be 1-64 characters of A-Z a-z 0-9 . _ -, was '"
                        + effectiveLabel + "'");
            }
            return new RunSettings(this);
        }
    }
}
