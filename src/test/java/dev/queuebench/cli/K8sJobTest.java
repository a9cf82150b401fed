package dev.queuebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.queuebench.deploy.InjectorJob;
import dev.queuebench.deploy.InjectorJobManifests;
import dev.queuebench.load.StartInstant;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * {@code queuebench k8s job} and the committed kustomize base {@code deploy/k8s/}: both parsed as YAML, the
 * Job's structure checked, and every container's {@code run} arguments put through the CLI's own parser,
 * so a renamed option fails here and not in a cluster.
 */
class K8sJobTest {
    /** Three quarters of a second past ten: the start is truncated to the second, then the delay added. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:00:00.750Z"), ZoneOffset.UTC);
    private static final String IMAGE = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/queuebench:0.1.0";
    private static final String TARGET = "http://gateway.internal:8080";
    private static final String REDIS_URL = "rediss://master.qb-prod.abc123.euw1.cache.amazonaws.com:6379";
    private static final Path BASE = Path.of("deploy", "k8s");
    /** What Kubernetes expands $(NAME) in a pod's arguments to, as pod 1 of the Job would see it. */
    private static final Map<String, String> POD_ONE_ENV = Map.of("JOB_COMPLETION_INDEX", "1",
            "QUEUEBENCH_REDIS_URL", REDIS_URL);
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    @Test
    void theJobOfNInjectorsIsIndexedWithNCompletionsAndNPodsOnNNodes() {
        for (int injectors : new int[] {1, 2, 3, 7}) {
            Rendering rendering = render("--injectors", Integer.toString(injectors), "--profile", "target-30k",
                    "--target", TARGET, "--image", IMAGE);
            assertEquals(0, rendering.exitCode(), rendering.err());
            Map<String, Object> job = rendering.manifest("Job");
            assertInjectorJob(job, injectors);
            assertEquals(List.of(Integer.toString(injectors)),
                    runOptions(job).get("--injector-count"), "injectors " + injectors);
        }
    }

    @Test
    void theStartIsNowToTheSecondPlusTheDelayAndTheRunGroupIsTheProfileAndTheStart() {
        Rendering rendering = render("--injectors", "3", "--profile", "target-30k", "--target", TARGET,
                "--image", IMAGE);
        Map<String, List<String>> options = runOptions(rendering.manifest("Job"));
        assertEquals(List.of("2026-12-03T10:02:00Z"), options.get("--start-at"));
        assertEquals(Instant.parse("2026-12-03T10:02:00Z").toEpochMilli(),
                StartInstant.parseEpochMs(options.get("--start-at").get(0), "--start-at"));
        assertEquals(List.of("target-30k-20261203t100200z"), options.get("--run-group"));
        assertEquals(List.of("/results/target-30k-20261203t100200z/part-1"), options.get("--results-dir"));
        assertEquals("queuebench-target-30k-20261203t100200z", at(rendering.manifest("Job"), "metadata", "name"));
        assertEquals("target-30k-20261203t100200z", at(rendering.manifest("Job"), "spec", "template", "metadata",
                "labels", InjectorJobManifests.RUN_GROUP_LABEL));

        Rendering later = render("--injectors", "3", "--profile", "smoke", "--target", TARGET, "--image", IMAGE,
                "--start-in-sec", "300", "--run-group", "r7g-30k-try2");
        Map<String, List<String>> laterOptions = runOptions(later.manifest("Job"));
        assertEquals(List.of("2026-12-03T10:05:00Z"), laterOptions.get("--start-at"));
        assertEquals(List.of("r7g-30k-try2"), laterOptions.get("--run-group"));
        assertEquals("queuebench-r7g-30k-try2", at(later.manifest("Job"), "metadata", "name"));
    }

    @Test
    void everyOptionReachesEveryPodsRunThroughTheCliParser() {
        Rendering rendering = render("--injectors", "2", "--profile", "baseline-10k", "--target", TARGET,
                "--image", IMAGE, "--run-group", "r7g-10k", "--namespace", "load-tests", "--redis-secret",
                "elasticache-auth", "--results-claim", "efs-results", "--role-arn",
                "arn:aws:iam::123456789012:role/qb-injector", "--scale", "0.5", "--node-type", "cache.r7g.large",
                "--label", "r7g-large-10k");
        assertEquals(0, rendering.exitCode(), rendering.err());
        Map<String, Object> job = rendering.manifest("Job");
        Map<String, Object> serviceAccount = rendering.manifest("ServiceAccount");
        Map<String, List<String>> options = runOptions(job);
        assertEquals(List.of("baseline-10k"), options.get("--profile"));
        assertEquals(List.of(TARGET), options.get("--target"));
        assertEquals(List.of(REDIS_URL), options.get("--redis"));
        assertEquals(List.of("2"), options.get("--injector-count"));
        assertEquals(List.of("r7g-10k"), options.get("--run-group"));
        assertEquals(List.of("/results/r7g-10k/part-1"), options.get("--results-dir"));
        assertEquals(List.of("0.5"), options.get("--scale"));
        assertEquals(List.of("cache.r7g.large"), options.get("--node-type"));
        assertEquals(List.of("r7g-large-10k"), options.get("--label"));
        assertNull(options.get("--injector-index"), "the index comes from JOB_COMPLETION_INDEX");
        assertEquals("load-tests", at(job, "metadata", "namespace"));
        assertEquals("load-tests", at(serviceAccount, "metadata", "namespace"));
        assertEquals("arn:aws:iam::123456789012:role/qb-injector",
                at(serviceAccount, "metadata", "annotations", InjectorJobManifests.ROLE_ARN_ANNOTATION));
        assertEquals(IMAGE, at(job, "spec", "template", "spec", "containers", "[injector]", "image"));
        assertEquals("efs-results", at(job, "spec", "template", "spec", "volumes", "[results]",
                "persistentVolumeClaim", "claimName"));
        for (Object env : list(at(job, "spec", "template", "spec", "containers", "[injector]", "env"))) {
            assertEquals("elasticache-auth", at(env, "valueFrom", "secretKeyRef", "name"));
        }
        assertInjectorJob(job, 2);
    }

    @Test
    void withoutARoleTheServiceAccountCarriesNoPlaceholderRole() {
        Rendering rendering = render("--injectors", "2", "--profile", "smoke", "--target", TARGET, "--image", IMAGE);
        Map<String, Object> metadata = map(at(rendering.manifest("ServiceAccount"), "metadata"));
        assertFalse(metadata.containsKey("annotations"), metadata.toString());
        assertFalse(metadata.containsKey("namespace"), "kubectl's current namespace");
        assertEquals(map(at(rendering.manifest("Job"), "spec", "template", "spec")).get("serviceAccountName"),
                metadata.get("name"));
    }

    @Test
    void theCommittedBaseIsAnInjectorJobWhoseArgumentsTheCliParses() throws IOException {
        Map<String, Object> job = committed("job.yaml");
        int injectors = (Integer) at(job, "spec", "completions");
        assertInjectorJob(job, injectors);
        Map<String, List<String>> options = runOptions(job);
        assertEquals(List.of(Integer.toString(injectors)), options.get("--injector-count"));
        String runGroup = (String) at(job, "metadata", "labels", InjectorJobManifests.RUN_GROUP_LABEL);
        assertEquals(List.of(runGroup), options.get("--run-group"));
        assertEquals(List.of("/results/" + runGroup + "/part-1"), options.get("--results-dir"));
        assertEquals("queuebench-" + runGroup, at(job, "metadata", "name"));
        StartInstant.parseEpochMs(options.get("--start-at").get(0), "--start-at");
    }

    @Test
    void renderingTheBasesOwnValuesGivesTheBaseBack() throws IOException {
        assertEquals(List.of(committed("serviceaccount.yaml"), committed("job.yaml")),
                documents(baseValuesRendered()));
    }

    @Test
    void kubectlKustomizeRendersTheBaseAsTheVerbDoesWithTheBasesValues() throws Exception {
        Assumptions.assumeTrue(onPath("kubectl"), "kubectl is not on the PATH (this test renders deploy/k8s with "
                + "kubectl kustomize)");
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", BASE.toString()).redirectErrorStream(true).start();
        String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(kubectl.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize did not end in 60 s");
        assertEquals(0, kubectl.exitValue(), output);
        assertEquals(documents(baseValuesRendered()), documents(output));
    }

    @Test
    void noPasswordInAnyArgumentOrEnvironmentLiteral() throws IOException {
        Rendering rendering = render("--injectors", "3", "--profile", "target-30k", "--target", TARGET,
                "--image", IMAGE);
        for (Map<String, Object> job : List.of(rendering.manifest("Job"), committed("job.yaml"))) {
            Map<String, Object> container = map(at(job, "spec", "template", "spec", "containers", "[injector]"));
            List<String> defined = new ArrayList<>(List.of("JOB_COMPLETION_INDEX"));
            for (Object env : list(container.get("env"))) {
                assertNull(map(env).get("value"), "a literal in " + env);
                assertTrue(map(env).get("valueFrom") != null, "from a Secret: " + env);
                defined.add((String) map(env).get("name"));
            }
            assertTrue(defined.contains(RedisOptions.PASSWORD_ENV), defined.toString());
            assertEquals("password", at(container, "env", "[" + RedisOptions.PASSWORD_ENV + "]", "valueFrom",
                    "secretKeyRef", "key"));
            for (Object arg : list(container.get("args"))) {
                assertFalse(arg.toString().toLowerCase().contains("password"), arg.toString());
                assertFalse(arg.toString().matches(".*://[^/\\s]*@.*"), "credentials in a URL: " + arg);
                Matcher reference = ENV_REFERENCE.matcher(arg.toString());
                while (reference.find()) {
                    assertTrue(defined.contains(reference.group(1)), reference.group() + " is set nowhere");
                }
            }
        }
    }

    @Test
    void theSameRunAtTheSameInstantRendersTheSameText() {
        String[] args = {"--injectors", "3", "--profile", "target-30k", "--target", TARGET, "--image", IMAGE,
            "--namespace", "load", "--scale", "2"};
        Rendering first = render(args);
        assertEquals(first.out(), render(args).out());
        Rendering aSecondLater = render(Clock.offset(CLOCK, java.time.Duration.ofSeconds(1)), args);
        assertNotEquals(first.out(), aSecondLater.out());
    }

    @Test
    void onlyTheYamlGoesToStdoutAndTheWarningsToStderr() {
        Rendering rendering = render("--injectors", "2", "--profile", "target-30k", "--target", TARGET,
                "--image", "registry.example.com/queuebench");
        assertEquals(0, rendering.exitCode(), rendering.err());
        assertEquals(List.of("ServiceAccount", "Job"), documents(rendering.out()).stream().map(doc -> map(doc).get("kind")).toList());
        assertTrue(rendering.err().contains("15,000 each"), rendering.err());
        assertTrue(rendering.err().contains("--injectors 3"), rendering.err());
        assertTrue(rendering.err().contains("names no tag or digest"), rendering.err());
        assertTrue(rendering.err().contains("wait --for=condition=complete --timeout=1200s "
                + "job/queuebench-target-30k-20261203t100200z"), rendering.err());
        Rendering quiet = render("--injectors", "3", "--profile", "target-30k", "--target", TARGET, "--image", IMAGE);
        assertFalse(quiet.err().contains("Warning"), quiet.err());
    }

    @Test
    void badInputIsAUsageErrorThatPrintsNoYaml() {
        record Bad(String option, String value, String namedInTheMessage) {
        }
        List<Bad> cases = List.of(
                new Bad("--target", "gateway.internal:8080", "--target"),
                new Bad("--target", "ftp://gateway.internal", "--target"),
                new Bad("--target", "http://user:secret@gateway.internal:8080", "--target"),
                new Bad("--injectors", "0", "--injectors"),
                new Bad("--image", "Queuebench:0.1.0", "--image"),
                new Bad("--image", "registry.example.com/queuebench:", "--image"),
                new Bad("--image", "https://registry.example.com/queuebench:0.1.0", "--image"),
                new Bad("--run-group", "Target-30k", "--run-group"),
                new Bad("--run-group", "ends-with-a-dash-", "--run-group"),
                new Bad("--run-group", "a".repeat(InjectorJob.MAX_RUN_GROUP_LENGTH + 1), "--run-group"),
                new Bad("--profile", "no-such-profile", "unknown profile"),
                new Bad("--start-in-sec", "5", "--start-in-sec"),
                new Bad("--namespace", "Load_Tests", "--namespace"),
                new Bad("--role-arn", "queuebench-injector", "--role-arn"),
                new Bad("--scale", "0", "--scale"),
                new Bad("--label", "a label", "--label"));
        for (Bad bad : cases) {
            Map<String, String> options = new LinkedHashMap<>(Map.of("--injectors", "2", "--profile", "target-30k",
                    "--target", TARGET, "--image", IMAGE));
            options.put(bad.option(), bad.value());
            List<String> args = new ArrayList<>();
            options.forEach((option, value) -> {
                args.add(option);
                args.add(value);
            });
            Rendering rendering = render(args.toArray(String[]::new));
            assertEquals(2, rendering.exitCode(), bad + ": " + rendering.err());
            assertEquals("", rendering.out(), bad.toString());
            assertTrue(rendering.err().contains(bad.namedInTheMessage()), bad + ": " + rendering.err());
        }
    }

    @Test
    void theDockerfileRunsTheJarAsTheNumericUserTheJobRunsAs() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("deploy", "Dockerfile"));
        assertTrue(lines.contains("FROM eclipse-temurin:21-jre"), lines.toString());
        String jar = instruction(lines, "COPY").replaceFirst("^target/queuebench.jar\\s+", "");
        assertEquals("ENTRYPOINT [\"java\", \"-jar\", \"" + jar + "\"]", "ENTRYPOINT " + instruction(lines, "ENTRYPOINT"));
        Map<String, Object> securityContext = map(at(committed("job.yaml"), "spec", "template", "spec",
                "securityContext"));
        assertEquals(securityContext.get("runAsUser") + ":" + securityContext.get("runAsGroup"),
                instruction(lines, "USER"), "runAsNonRoot can only verify a numeric USER");
    }

    @Test
    void theClaimAndItsReaderAreTheClaimTheJobWritesTo() throws IOException {
        Map<String, Object> job = committed("job.yaml");
        Object claimName = at(job, "spec", "template", "spec", "volumes", "[results]", "persistentVolumeClaim",
                "claimName");
        assertEquals(InjectorJob.DEFAULT_RESULTS_CLAIM, claimName);
        Map<String, Object> claim = committed("results-claim.yaml");
        assertEquals("PersistentVolumeClaim", claim.get("kind"));
        assertEquals(claimName, at(claim, "metadata", "name"));
        assertEquals(List.of("ReadWriteMany"), at(claim, "spec", "accessModes"), "pods on different nodes write it");
        Map<String, Object> reader = committed("results-reader.yaml");
        assertEquals(claimName, at(reader, "spec", "volumes", "[results]", "persistentVolumeClaim", "claimName"));
        assertEquals(at(job, "spec", "template", "spec", "securityContext", "runAsUser"),
                at(reader, "spec", "securityContext", "runAsUser"), "the reader reads what the injectors wrote");
        assertEquals(InjectorJob.DEFAULT_REDIS_SECRET, at(job, "spec", "template", "spec", "containers", "[injector]",
                "env", "[" + RedisOptions.PASSWORD_ENV + "]", "valueFrom", "secretKeyRef", "name"));
        Map<String, Object> kustomization = committed("kustomization.yaml");
        for (Object resource : list(kustomization.get("resources"))) {
            assertTrue(Files.isRegularFile(BASE.resolve(resource.toString())), resource.toString());
        }
    }

    /** The structure every injector Job must have, rendered or committed. */
    private static void assertInjectorJob(Map<String, Object> job, int injectors) {
        assertEquals("batch/v1", job.get("apiVersion"));
        assertEquals("Job", job.get("kind"));
        Map<String, Object> spec = map(job.get("spec"));
        assertEquals("Indexed", spec.get("completionMode"));
        assertEquals(injectors, spec.get("completions"));
        assertEquals(injectors, spec.get("parallelism"));
        assertEquals(0, spec.get("backoffLimit"), "a retried pod would start after --start-at");
        Map<String, Object> pod = map(at(spec, "template", "spec"));
        assertEquals("Never", pod.get("restartPolicy"));
        assertEquals("queuebench-injector", pod.get("serviceAccountName"));
        assertEquals(false, pod.get("automountServiceAccountToken"));

        List<Object> antiAffinity = list(at(pod, "affinity", "podAntiAffinity",
                "requiredDuringSchedulingIgnoredDuringExecution"));
        assertEquals(1, antiAffinity.size());
        assertEquals("kubernetes.io/hostname", at(antiAffinity.get(0), "topologyKey"));
        Map<String, Object> podLabels = map(at(spec, "template", "metadata", "labels"));
        Map<String, Object> selected = map(at(antiAffinity.get(0), "labelSelector", "matchLabels"));
        assertFalse(selected.isEmpty());
        selected.forEach((key, value) -> assertEquals(value, podLabels.get(key), "the selector selects the Job's pods"));

        assertEquals(true, at(pod, "securityContext", "runAsNonRoot"));
        assertTrue((Integer) at(pod, "securityContext", "runAsUser") > 0);
        List<Object> containers = list(pod.get("containers"));
        assertEquals(1, containers.size());
        Map<String, Object> container = map(containers.get(0));
        assertEquals(Map.of("cpu", "2", "memory", "4Gi"), at(container, "resources", "requests"));
        assertEquals(at(container, "resources", "requests"), at(container, "resources", "limits"),
                "Guaranteed: the JVMs see exactly the 2 cores the capacity was measured on");
        assertEquals(false, at(container, "securityContext", "allowPrivilegeEscalation"));
        assertEquals(true, at(container, "securityContext", "readOnlyRootFilesystem"));
        assertEquals(List.of("ALL"), at(container, "securityContext", "capabilities", "drop"));
        assertEquals("/tmp", at(container, "volumeMounts", "[tmp]", "mountPath"));
        assertTrue(map(at(pod, "volumes", "[tmp]")).containsKey("emptyDir"));
        assertTrue(map(at(pod, "volumes", "[results]")).containsKey("persistentVolumeClaim"));
        assertEquals(List.of("1024"), runOptions(job).get("--injector-heap-mb"), "the heap the memory is sized for");
    }

    /**
     * The injector container's {@code run} options as the CLI's own parser reads them, with $(NAME) expanded
     * as for pod 1: option name to the values given.
     */
    private static Map<String, List<String>> runOptions(Map<String, Object> job) {
        List<String> args = new ArrayList<>();
        Map<String, Object> container = map(at(job, "spec", "template", "spec", "containers", "[injector]"));
        assertNull(container.get("command"), "the image's ENTRYPOINT (java -jar) runs the arguments");
        for (Object arg : list(container.get("args"))) {
            Matcher reference = ENV_REFERENCE.matcher(arg.toString());
            StringBuilder expanded = new StringBuilder();
            while (reference.find()) {
                String value = POD_ONE_ENV.get(reference.group(1));
                if (value == null) {
                    fail(reference.group() + " in " + arg + ": a variable this test does not know");
                }
                reference.appendReplacement(expanded, Matcher.quoteReplacement(value));
            }
            reference.appendTail(expanded);
            args.add(expanded.toString());
        }
        CommandLine.ParseResult parsed;
        try {
            parsed = QueuebenchCommand.commandLine().parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new AssertionError("the CLI refuses the pods' arguments " + args + ": " + e.getMessage(), e);
        }
        CommandLine.ParseResult run = parsed.subcommand();
        assertEquals("run", run.commandSpec().name(), args.toString());
        Map<String, List<String>> options = new HashMap<>();
        run.matchedOptions().forEach(option -> options.put(option.longestName(), option.stringValues()));
        return options;
    }

    /** The base rendered with its own example values, as the verb would render it. */
    private static String baseValuesRendered() throws IOException {
        Map<String, Object> job = committed("job.yaml");
        Map<String, List<String>> options = runOptions(job);
        InjectorJob values = InjectorJob.builder((Integer) at(job, "spec", "completions"),
                        options.get("--profile").get(0), options.get("--target").get(0),
                        (String) at(job, "spec", "template", "spec", "containers", "[injector]", "image"),
                        Instant.parse(options.get("--start-at").get(0)))
                .runGroup(options.get("--run-group").get(0))
                .roleArn((String) at(committed("serviceaccount.yaml"), "metadata", "annotations",
                        InjectorJobManifests.ROLE_ARN_ANNOTATION))
                .build();
        return InjectorJobManifests.render(values).yaml();
    }

    private static List<Object> documents(String yaml) {
        List<Object> documents = new ArrayList<>();
        new Yaml().loadAll(yaml).forEach(documents::add);
        return documents;
    }

    private static Map<String, Object> committed(String file) throws IOException {
        return map(new Yaml().load(Files.readString(BASE.resolve(file))));
    }

    private static String instruction(List<String> dockerfile, String keyword) {
        List<String> found = dockerfile.stream().filter(line -> line.startsWith(keyword + " "))
                .map(line -> line.substring(keyword.length() + 1).trim()).toList();
        assertEquals(1, found.size(), keyword + " in deploy/Dockerfile: " + found);
        return found.get(0);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    /** Walks mappings by key and lists of named entries by {@code [name]}; fails naming the step it missed. */
    private static Object at(Object root, String... steps) {
        Object current = root;
        for (String step : steps) {
            if (step.startsWith("[")) {
                String name = step.substring(1, step.length() - 1);
                current = list(current).stream().filter(entry -> name.equals(map(entry).get("name"))).findFirst()
                        .orElseThrow(() -> new AssertionError("no entry named " + name + " at " + List.of(steps)));
            } else {
                current = map(current).get(step);
                if (current == null) {
                    fail("no " + step + " at " + List.of(steps));
                }
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertTrue(value instanceof Map<?, ?>, "a mapping: " + value);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertTrue(value instanceof List<?>, "a list: " + value);
        return (List<Object>) value;
    }

    /** What {@code k8s job} did: exit code, stdout (the YAML), stderr (everything else). */
    private record Rendering(int exitCode, String out, String err) {
        Map<String, Object> manifest(String kind) {
            return documents(out).stream().map(K8sJobTest::map).filter(document -> kind.equals(document.get("kind")))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " in " + out));
        }
    }

    private static Rendering render(String... args) {
        return render(CLOCK, args);
    }

    private static Rendering render(Clock clock, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == K8sJobCommand.class ? type.cast(new K8sJobCommand(clock))
                        : CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine commandLine = QueuebenchCommand.commandLine(factory);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("k8s", "job"));
        all.addAll(List.of(args));
        int exitCode = commandLine.execute(all.toArray(String[]::new));
        return new Rendering(exitCode, out.toString(), err.toString());
    }
}
