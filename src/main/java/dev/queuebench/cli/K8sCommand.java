package dev.queuebench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code queuebench k8s}: the injectors of a multi-injector run on Kubernetes. */
@Command(name = "k8s", mixinStandardHelpOptions = true,
        description = {"Run the injectors of one run on Kubernetes: an Indexed Job of deploy/k8s/.",
            "How: docs/kubernetes.md#30k-from-several-injectors-on-kubernetes."},
        subcommands = {K8sJobCommand.class})
final class K8sCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: job");
    }
}
