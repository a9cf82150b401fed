package dev.queuebench.deploy;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One multi-injector run as Kubernetes runs it: the values {@code queuebench k8s job} fills into
 * {@code deploy/k8s/}. Immutable; {@link #builder} takes what every run needs, the rest has the defaults
 * declared below, and {@link Builder#build} checks every value and names its option.
 */
public final class InjectorJob {
    /** The Secret holding the Redis endpoint ({@code url}) and, for a Redis with AUTH, its {@code password}. */
    public static final String DEFAULT_REDIS_SECRET = "queuebench-redis";
    /** The ReadWriteMany claim every part is written to ({@code deploy/k8s/results-claim.yaml}). */
    public static final String DEFAULT_RESULTS_CLAIM = "queuebench-results";
    /** The Job is {@code queuebench-<run group>}. */
    public static final String JOB_NAME_PREFIX = "queuebench-";
    /**
     * Kubernetes names an Indexed Job's pods, and their host names, {@code <job name>-<index>}: with the
     * prefix and up to 3 digits of index, a run group of 48 characters keeps them within a DNS label's 63.
     */
    public static final int MAX_RUN_GROUP_LENGTH = 48;

    private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String DNS_SUBDOMAIN = DNS_LABEL + "(\\." + DNS_LABEL + ")*";
    private static final String IAM_ROLE_ARN = "arn:aws[a-z-]*:iam::[0-9]{12}:role/[\\w+=,.@/-]{1,512}";
    private static final DateTimeFormatter RUN_GROUP_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final int injectorCount;
    private final String profileName;
    private final URI target;
    private final ImageReference image;
    private final Instant startAt;
    private final String runGroup;
    private final String namespace;
    private final String redisSecret;
    private final String resultsClaim;
    private final String roleArn;
    private final Double scale;
    private final String nodeType;
    private final String label;

    private InjectorJob(Builder builder, URI target, ImageReference image, String runGroup) {
        injectorCount = builder.injectorCount;
        profileName = builder.profileName;
        this.target = target;
        this.image = image;
        startAt = builder.startAt;
        this.runGroup = runGroup;
        namespace = builder.namespace;
        redisSecret = builder.redisSecret;
        resultsClaim = builder.resultsClaim;
        roleArn = builder.roleArn;
        scale = builder.scale;
        nodeType = builder.nodeType;
        label = builder.label;
    }

    /**
     * @param injectorCount the pods, each sending 1/count of the profile's load
     * @param startAt the common start, {@code --start-at} of every injector
     */
    public static Builder builder(int injectorCount, String profileName, String target, String image,
            Instant startAt) {
        return new Builder(injectorCount, profileName, target, image, startAt);
    }

    /** The run group a run gets when none is given: the profile and the start, e.g. target-30k-20261203t100000z. */
    public static String defaultRunGroup(String profileName, Instant startAt) {
        String time = RUN_GROUP_TIME.format(startAt).toLowerCase(Locale.ROOT);
        String profile = profileName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("^-+|-+$", "");
        int room = MAX_RUN_GROUP_LENGTH - time.length() - 1;
        if (profile.length() > room) {
            profile = profile.substring(0, room).replaceAll("-+$", "");
        }
        return profile.isEmpty() ? time : profile + "-" + time;
    }

    public int injectorCount() {
        return injectorCount;
    }

    public String profileName() {
        return profileName;
    }

    public URI target() {
        return target;
    }

    public ImageReference image() {
        return image;
    }

    public Instant startAt() {
        return startAt;
    }

    public String runGroup() {
        return runGroup;
    }

    /** The Job's name, {@code queuebench-<run group>}. */
    public String jobName() {
        return JOB_NAME_PREFIX + runGroup;
    }

    /** The namespace, or null for kubectl's current one. */
    public String namespace() {
        return namespace;
    }

    public String redisSecret() {
        return redisSecret;
    }

    public String resultsClaim() {
        return resultsClaim;
    }

    /** The IAM role of the ServiceAccount (IAM roles for service accounts), or null for none. */
    public String roleArn() {
        return roleArn;
    }

    /** {@code --scale} of every injector, or null for run's default. */
    public Double scale() {
        return scale;
    }

    /** {@code --node-type} of every injector, or null for run's default. */
    public String nodeType() {
        return nodeType;
    }

    /** {@code --label} of every injector, or null for run's default. */
    public String label() {
        return label;
    }

    /** Collects a run's values; {@link #build} checks them. */
    public static final class Builder {
        private final int injectorCount;
        private final String profileName;
        private final String target;
        private final String image;
        private final Instant startAt;
        private String runGroup;
        private String namespace;
        private String redisSecret = DEFAULT_REDIS_SECRET;
        private String resultsClaim = DEFAULT_RESULTS_CLAIM;
        private String roleArn;
        private Double scale;
        private String nodeType;
        private String label;

        private Builder(int injectorCount, String profileName, String target, String image, Instant startAt) {
            this.injectorCount = injectorCount;
            this.profileName = profileName;
            this.target = target;
            this.image = image;
            this.startAt = startAt;
        }

        /** @param value the parts' shared id, or null for {@link #defaultRunGroup} */
        public Builder runGroup(String value) {
            runGroup = value;
            return this;
        }

        public Builder namespace(String value) {
            namespace = value;
            return this;
        }

        public Builder redisSecret(String value) {
            redisSecret = value;
            return this;
        }

        public Builder resultsClaim(String value) {
            resultsClaim = value;
            return this;
        }

        public Builder roleArn(String value) {
            roleArn = value;
            return this;
        }

        public Builder scale(Double value) {
            scale = value;
            return this;
        }

        public Builder nodeType(String value) {
            nodeType = value;
            return this;
        }

        public Builder label(String value) {
            label = value;
            return this;
        }

        /** @throws IllegalArgumentException naming the option, its value and what it must be */
        public InjectorJob build() {
            if (injectorCount < 1) {
                throw new IllegalArgumentException("--injectors must be >= 1, was " + injectorCount);
            }
            if (profileName == null || profileName.isBlank()) {
                throw new IllegalArgumentException("--profile is needed");
            }
            if (startAt == null) {
                throw new IllegalArgumentException("a Job needs its start instant");
            }
            String group = runGroup != null ? runGroup : defaultRunGroup(profileName, startAt);
            if (group.length() > MAX_RUN_GROUP_LENGTH || !group.matches(DNS_LABEL)) {
                throw new IllegalArgumentException("--run-group must be 1-" + MAX_RUN_GROUP_LENGTH + " characters "
                        + "of a-z 0-9 -, beginning and ending with a letter or digit (it names the Job and its pods), "
                        + "was '" + group + "'");
            }
            checkName("--namespace", namespace, DNS_LABEL, 63);
            checkName("--redis-secret", redisSecret, DNS_SUBDOMAIN, 253);
            checkName("--results-claim", resultsClaim, DNS_SUBDOMAIN, 253);
            if (roleArn != null && !roleArn.matches(IAM_ROLE_ARN)) {
                throw new IllegalArgumentException("--role-arn must be an IAM role's ARN such as "
                        + "arn:aws:iam::111122223333:role/queuebench-injector, was '" + roleArn + "'");
            }
            if (scale != null && !(scale > 0)) {
                throw new IllegalArgumentException("--scale must be > 0, was " + scale);
            }
            if (nodeType != null && !nodeType.matches("\\S+")) {
                throw new IllegalArgumentException("--node-type must be one word such as cache.r7g.large, was '"
                        + nodeType + "'");
            }
            return new InjectorJob(this, targetUri(target), ImageReference.parse(image, "--image"), group);
        }

        private static void checkName(String option, String value, String pattern, int maxLength) {
            if (value != null && (value.length() > maxLength || !value.matches(pattern))) {
                throw new IllegalArgumentException(option + " must be a Kubernetes name: at most " + maxLength
                        + " characters of a-z 0-9 -" + (pattern.equals(DNS_LABEL) ? "" : " .") + ", beginning and "
                        + "ending with a letter or digit, was '" + value + "'");
            }
        }

        /** The gateway's URL: http(s), a host, no credentials (they would be in every pod's arguments). */
        private static URI targetUri(String text) {
            String problem;
            try {
                URI uri = text == null ? null : new URI(text);
                if (uri == null || uri.getScheme() == null || !uri.getScheme().matches("https?")
                        || uri.getHost() == null) {
                    problem = "an http(s):// URL with a host";
                } else if (uri.getRawUserInfo() != null) {
                    problem = "a URL without user or password (every pod's arguments show it)";
                } else {
                    return uri;
                }
            } catch (URISyntaxException e) {
                problem = "an http(s):// URL (" + e.getReason() + ")";
            }
            throw new IllegalArgumentException("--target must be " + problem + ", e.g. http://gateway.internal:8080, "
                    + "was '" + text + "'");
        }
    }
}
