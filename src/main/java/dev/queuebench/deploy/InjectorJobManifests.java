package dev.queuebench.deploy;

import dev.queuebench.bundled.BundledText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The ServiceAccount and Job of one run, as YAML for {@code kubectl apply -f -}: the kustomize base
 * {@code deploy/k8s/} (serviceaccount.yaml, job.yaml, carried in the jar) with the run's values filled in,
 * so what {@code k8s job} prints and what the base says cannot drift apart. Filled in: the Job's name and
 * run-group labels, the namespace, completions = parallelism = the injector count, the image, the
 * Redis Secret's and the results claim's names, the role of the ServiceAccount, and the container's
 * {@code run} arguments: the base's, each {@code --option=value} the run sets replaced, the others kept.
 * Everything else (resources, anti-affinity, security context, volumes) is the base's. The same run at
 * the same instant renders the same text.
 */
public final class InjectorJobManifests {
    /** Where the jar carries the base (the pom copies deploy/k8s there). */
    static final String JOB_YAML = "deploy/k8s/job.yaml";
    static final String SERVICE_ACCOUNT_YAML = "deploy/k8s/serviceaccount.yaml";
    /** The label that ties the Job and its pods to their run group. */
    public static final String RUN_GROUP_LABEL = "queuebench.dev/run-group";
    public static final String ROLE_ARN_ANNOTATION = "eks.amazonaws.com/role-arn";
    /** The container that runs the injector, and its volume for the parts. */
    static final String CONTAINER = "injector";
    static final String RESULTS_VOLUME = "results";
    /** Kubernetes expands this in the arguments to the pod's index (0 to count - 1). */
    public static final String INDEX_PLACEHOLDER = "$(JOB_COMPLETION_INDEX)";

    private InjectorJobManifests() {
    }

    /**
     * What {@link #render} made.
     *
     * @param yaml the ServiceAccount and the Job, each a YAML document
     * @param resultsDir every pod's {@code --results-dir}, with {@link #INDEX_PLACEHOLDER} for its index
     */
    public record Rendered(String yaml, String resultsDir) {
    }

    public static Rendered render(InjectorJob job) {
        Map<String, Object> serviceAccount = load(SERVICE_ACCOUNT_YAML);
        fillServiceAccount(serviceAccount, job);
        Map<String, Object> jobManifest = load(JOB_YAML);
        String resultsDir = fillJob(jobManifest, job);
        String yaml = "# Rendered by queuebench k8s job from deploy/k8s/, for kubectl apply -f -: run group "
                + job.runGroup() + ", " + job.injectorCount() + " injector" + (job.injectorCount() == 1 ? "" : "s")
                + " of " + job.profileName() + ", starting at " + job.startAt() + "\n"
                + dumper().dumpAll(List.of(serviceAccount, jobManifest).iterator());
        return new Rendered(yaml, resultsDir);
    }

    /** Where a pod writes its part: {@code <results mount>/<run group>/part-$(JOB_COMPLETION_INDEX)}. */
    static String resultsDir(String mountPath, String runGroup) {
        return mountPath.replaceAll("/+$", "") + "/" + runGroup + "/part-" + INDEX_PLACEHOLDER;
    }

    private static void fillServiceAccount(Map<String, Object> serviceAccount, InjectorJob job) {
        Map<String, Object> metadata = namespaced(serviceAccount, job.namespace(), SERVICE_ACCOUNT_YAML);
        Map<String, Object> annotations = optionalMap(metadata, "annotations", SERVICE_ACCOUNT_YAML);
        if (job.roleArn() != null) {
            if (annotations == null) {
                annotations = new LinkedHashMap<>();
                metadata.put("annotations", annotations);
            }
            annotations.put(ROLE_ARN_ANNOTATION, job.roleArn());
        } else if (annotations != null) {
            // The base's role is a placeholder: a Job rendered without --role-arn gets no role at all.
            annotations.remove(ROLE_ARN_ANNOTATION);
            if (annotations.isEmpty()) {
                metadata.remove("annotations");
            }
        }
    }

    /** @return the pods' {@code --results-dir} */
    private static String fillJob(Map<String, Object> manifest, InjectorJob job) {
        Map<String, Object> metadata = namespaced(manifest, job.namespace(), JOB_YAML);
        metadata.put("name", job.jobName());
        map(metadata, "labels", JOB_YAML).put(RUN_GROUP_LABEL, job.runGroup());
        Map<String, Object> spec = map(manifest, "spec", JOB_YAML);
        spec.put("completions", job.injectorCount());
        spec.put("parallelism", job.injectorCount());
        Map<String, Object> template = map(spec, "template", JOB_YAML);
        map(map(template, "metadata", JOB_YAML), "labels", JOB_YAML).put(RUN_GROUP_LABEL, job.runGroup());
        Map<String, Object> podSpec = map(template, "spec", JOB_YAML);
        Map<String, Object> volume = named(list(podSpec, "volumes", JOB_YAML), RESULTS_VOLUME, "spec.template.spec.volumes");
        map(volume, "persistentVolumeClaim", JOB_YAML).put("claimName", job.resultsClaim());
        Map<String, Object> container = named(list(podSpec, "containers", JOB_YAML), CONTAINER,
                "spec.template.spec.containers");
        container.put("image", job.image().toString());
        for (Object entry : list(container, "env", JOB_YAML)) {
            Map<String, Object> secretRef = secretKeyRef(entry);
            if (secretRef != null) {
                secretRef.put("name", job.redisSecret());
            }
        }
        String mountPath = (String) named(list(container, "volumeMounts", JOB_YAML), RESULTS_VOLUME,
                "the injector's volumeMounts").get("mountPath");
        String resultsDir = resultsDir(mountPath, job.runGroup());
        container.put("args", args(stringList(container, "args"), job, resultsDir));
        return resultsDir;
    }

    /** The base's {@code run} arguments with this run's values. */
    private static List<String> args(List<String> base, InjectorJob job, String resultsDir) {
        List<String> args = new ArrayList<>(base);
        if (args.isEmpty() || !args.get(0).equals("run")) {
            throw baseProblem(JOB_YAML, "the injector's args must begin with the run verb, were " + base);
        }
        replace(args, "--profile", job.profileName());
        replace(args, "--target", job.target().toString());
        replace(args, "--injector-count", Integer.toString(job.injectorCount()));
        replace(args, "--run-group", job.runGroup());
        replace(args, "--start-at", job.startAt().toString());
        replace(args, "--results-dir", resultsDir);
        if (job.scale() != null) {
            set(args, "--scale", number(job.scale()));
        }
        if (job.nodeType() != null) {
            set(args, "--node-type", job.nodeType());
        }
        if (job.label() != null) {
            set(args, "--label", job.label());
        }
        return args;
    }

    /** Sets the base's {@code --option=value}, which must be there once (these are what a run group is). */
    private static void replace(List<String> args, String option, String value) {
        if (indexOf(args, option) < 0) {
            throw baseProblem(JOB_YAML, "the injector's args must have " + option + "=VALUE, were " + args);
        }
        set(args, option, value);
    }

    /** Sets {@code --option=value} where the base has it, else adds it at the end. */
    private static void set(List<String> args, String option, String value) {
        int at = indexOf(args, option);
        if (at < 0) {
            args.add(option + "=" + value);
        } else {
            args.set(at, option + "=" + value);
        }
    }

    private static int indexOf(List<String> args, String option) {
        int found = -1;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals(option)) {
                throw baseProblem(JOB_YAML, "write the injector's options as " + option + "=VALUE, one item each");
            }
            if (args.get(i).startsWith(option + "=")) {
                if (found >= 0) {
                    throw baseProblem(JOB_YAML, "the injector's args have " + option + " twice");
                }
                found = i;
            }
        }
        return found;
    }

    /** 1 for 1.0, 0.5 for 0.5: as a person would type the option. */
    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> secretKeyRef(Object envEntry) {
        if (envEntry instanceof Map<?, ?> env && env.get("valueFrom") instanceof Map<?, ?> valueFrom
                && valueFrom.get("secretKeyRef") instanceof Map<?, ?> ref) {
            return (Map<String, Object>) ref;
        }
        return null;
    }

    /** The manifest's metadata, with the namespace after the name when there is one. */
    private static Map<String, Object> namespaced(Map<String, Object> manifest, String namespace, String file) {
        Map<String, Object> metadata = map(manifest, "metadata", file);
        if (namespace == null) {
            return metadata;
        }
        Map<String, Object> withNamespace = new LinkedHashMap<>();
        metadata.forEach((key, value) -> {
            if (!key.equals("namespace")) {
                withNamespace.put(key, value);
            }
            if (key.equals("name")) {
                withNamespace.put("namespace", namespace);
            }
        });
        withNamespace.putIfAbsent("namespace", namespace);
        manifest.put("metadata", withNamespace);
        return withNamespace;
    }

    private static Map<String, Object> load(String path) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(BundledText.read(path));
        if (!(document instanceof Map<?, ?>)) {
            throw baseProblem(path, "it must be one YAML mapping");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> manifest = (Map<String, Object>) document;
        return manifest;
    }

    private static Yaml dumper() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        // One argument a line, however long: kubectl reads either way, people read this better.
        options.setSplitLines(false);
        options.setExplicitStart(true);
        return new Yaml(options);
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key, String file) {
        Map<String, Object> child = optionalMap(parent, key, file);
        if (child == null) {
            throw baseProblem(file, "it has no " + key + " where the renderer expects one");
        }
        return child;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> optionalMap(Map<String, Object> parent, String key, String file) {
        Object child = parent.get(key);
        if (child != null && !(child instanceof Map<?, ?>)) {
            throw baseProblem(file, key + " must be a mapping");
        }
        return (Map<String, Object>) child;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> parent, String key, String file) {
        if (!(parent.get(key) instanceof List<?> items)) {
            throw baseProblem(file, "it has no list " + key + " where the renderer expects one");
        }
        return (List<Object>) items;
    }

    private static List<String> stringList(Map<String, Object> parent, String key) {
        List<String> strings = new ArrayList<>();
        for (Object item : list(parent, key, JOB_YAML)) {
            strings.add(String.valueOf(item));
        }
        return strings;
    }

    /** The entry of a list of mappings whose {@code name} is {@code name}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> named(List<Object> entries, String name, String where) {
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> map && name.equals(map.get("name"))) {
                return (Map<String, Object>) map;
            }
        }
        throw baseProblem(JOB_YAML, where + " must have one named " + name);
    }

    private static IllegalStateException baseProblem(String file, String problem) {
        return new IllegalStateException(file + " in the jar cannot be rendered: " + problem
                + " (edit deploy/k8s/ and rebuild: ./mvnw -q -B package -DskipTests)");
    }
}
