/**
 * The injectors at scale on Kubernetes ({@code queuebench k8s job}): the Job and ServiceAccount of
 * {@code deploy/k8s/}, which the jar carries, filled in with one run's values. Imports nothing else of
 * queuebench but the bundled text.
 */
package dev.queuebench.deploy;
