package dev.queuebench.cli;

import dev.queuebench.deploy.InjectorJob;
import dev.queuebench.deploy.InjectorJobManifests;
import dev.queuebench.load.RunSettings;
import dev.queuebench.profile.LoadProfile;
import dev.queuebench.profile.ProfileCatalog;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code queuebench k8s job}: the Job of one multi-injector run, as YAML for {@code kubectl apply -f -}. */
@Command(name = "job", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the Indexed Job (and its ServiceAccount) that runs one run's injectors, one pod each, "
                + "for kubectl apply -f -: deploy/k8s/ with the start (now + --start-in-sec), the run group and the "
                + "options filled in, so every pod runs `run` with the same --run-group and --start-at and writes "
                + "its part to the results claim. Only the YAML goes to stdout.",
            "  queuebench k8s job --injectors 3 --profile target-30k --target http://gateway.internal:8080 "
                + "--image 123456789012.dkr.ecr.eu-west-1.amazonaws.com/queuebench:0.1.0 | kubectl apply -f -",
            "The Secret, the claim, collecting and merging the parts: "
                + "docs/kubernetes.md#30k-from-several-injectors-on-kubernetes."})
final class K8sJobCommand implements Callable<Integer> {
    /**
     * Journey requests/s one 2-core injector holds with the defaults (docs/measurements.md, "Injector
     * capacity"): more a pod is worth a warning.
     */
    static final int INJECTOR_CAPACITY_RPS = 10_000;
    /** Less than this, and pods that must be scheduled, pull the image and start two JVMs start late. */
    static final int MIN_START_IN_SEC = 30;
    /** After the profile's plan: the run's own overrun stop (30 s), the last requests, the report and audit. */
    private static final int WAIT_MARGIN_SEC = 600;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--injectors", required = true, paramLabel = "N",
            description = "Injector pods, each on a node of its own, each sending 1/N of the load.")
    int injectors;

    @Option(names = "--profile", required = true, paramLabel = "P",
            description = "Load profile, as for run (docs/profiles.md#load-profiles).")
    String profileName;

    @Option(names = "--target", required = true, paramLabel = "URL",
            description = "The gateway's base URL as the pods reach it, e.g. http://gateway.internal:8080.")
    String target;

    @Option(names = "--image", required = true, paramLabel = "IMAGE",
            description = "The queuebench image (deploy/Dockerfile) in a registry the cluster pulls from, with a tag "
                    + "or digest.")
    String image;

    @Option(names = "--start-in-sec", defaultValue = "120", paramLabel = "S",
            description = "The injectors begin the profile this long after now (--start-at of every pod); a pod not "
                    + "running by then refuses to run shifted. More when nodes must be added. Default: ${DEFAULT-VALUE}.")
    int startInSec;

    @Option(names = "--run-group", paramLabel = "ID",
            description = "The id the parts share and the Job is named after (a-z 0-9 -). Default: the profile and "
                    + "the start, e.g. target-30k-20261203t100000z.")
    String runGroup;

    @Option(names = "--namespace", paramLabel = "NS", description = "Default: kubectl's current namespace.")
    String namespace;

    @Option(names = "--redis-secret", defaultValue = InjectorJob.DEFAULT_REDIS_SECRET, paramLabel = "NAME",
            description = "The Secret with the Redis endpoint (key url, no password in it) and its AUTH token (key "
                    + "password, optional). Default: ${DEFAULT-VALUE}.")
    String redisSecret;

    @Option(names = "--results-claim", defaultValue = InjectorJob.DEFAULT_RESULTS_CLAIM, paramLabel = "NAME",
            description = "The ReadWriteMany claim every part is written to. Default: ${DEFAULT-VALUE}.")
    String resultsClaim;

    @Option(names = "--role-arn", paramLabel = "ARN",
            description = "An IAM role for the injectors' ServiceAccount (IAM roles for service accounts). Default: "
                    + "none.")
    String roleArn;

    @Option(names = "--scale", paramLabel = "F", description = "--scale of every injector. Default: run's (1).")
    Double scale;

    @Option(names = "--node-type", paramLabel = "T", description = "--node-type of every injector, e.g. "
            + "cache.r7g.large. Default: run's.")
    String nodeType;

    @Option(names = "--label", paramLabel = "L", description = "--label of every injector. Default: the profile name.")
    String label;

    private final Clock clock;

    K8sJobCommand() {
        this(Clock.systemUTC());
    }

    /** @param clock now, for the start instant and the default run group */
    K8sJobCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        Instant startAt = clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(startInSec);
        LoadProfile profile;
        InjectorJob job;
        try {
            if (startInSec < MIN_START_IN_SEC) {
                throw new IllegalArgumentException("--start-in-sec must be >= " + MIN_START_IN_SEC + ": pods need "
                        + "that at least to be scheduled, pull the image and start, was " + startInSec);
            }
            job = InjectorJob.builder(injectors, profileName, target, image, startAt).runGroup(runGroup)
                    .namespace(namespace).redisSecret(redisSecret).resultsClaim(resultsClaim).roleArn(roleArn)
                    .scale(scale).nodeType(nodeType).label(label).build();
            profile = ProfileCatalog.named(profileName).scaled(scale == null ? RunSettings.DEFAULT_SCALE : scale);
            // What every pod's run checks before it starts, checked here: a Job whose pods would all refuse
            // is never printed.
            RunSettings.builder(profile).label(label).injector(0, injectors)
                    .group(job.runGroup(), startAt.toEpochMilli()).build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        InjectorJobManifests.Rendered rendered = InjectorJobManifests.render(job);
        PrintWriter out = spec.commandLine().getOut();
        out.print(rendered.yaml());
        out.flush();
        explain(job, profile, rendered.resultsDir());
        return QueuebenchCommand.EXIT_OK;
    }

    /** What was rendered and what to do next, on stderr (stdout is kubectl's). */
    private void explain(InjectorJob job, LoadProfile profile, String resultsDir) {
        PrintWriter err = spec.commandLine().getErr();
        double perInjectorRps = profile.peakRps() / job.injectorCount();
        err.printf("Job %s: %d injector%s of %s against %s, peak %,.0f requests/s (%,.0f each), starting at %s "
                        + "(in %d s)%n", job.jobName(), job.injectorCount(), job.injectorCount() == 1 ? "" : "s",
                profile.name(), job.target(), profile.peakRps(), perInjectorRps, job.startAt(), startInSec);
        if (perInjectorRps > INJECTOR_CAPACITY_RPS) {
            err.printf("Warning: one 2-core injector holds about %,d journey requests/s with the defaults "
                    + "(docs/measurements.md#injector-capacity); this asks %,.0f of each: --injectors %d%n",
                    INJECTOR_CAPACITY_RPS, perInjectorRps, (int) Math.ceil(profile.peakRps() / INJECTOR_CAPACITY_RPS));
        }
        if (!job.image().pinned()) {
            err.println("Warning: --image " + job.image() + " names no tag or digest (or :latest): pods on different "
                    + "nodes may pull different builds, and merge refuses parts of different harness versions");
        }
        String namespaceFlag = job.namespace() == null ? "" : " -n " + job.namespace();
        err.printf("Next: kubectl%s wait --for=condition=complete --timeout=%ds job/%s%n", namespaceFlag,
                startInSec + profile.durationSec() + WAIT_MARGIN_SEC, job.jobName());
        err.printf("Parts: claim %s, %s/<run-id>; collect and merge them as docs/kubernetes.md says%n",
                job.resultsClaim(), resultsDir.replace(InjectorJobManifests.INDEX_PLACEHOLDER, "<index>"));
        err.flush();
    }
}
