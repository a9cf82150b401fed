/**
 * One run from several injectors' parts ({@code queuebench merge}): the parts checked to belong together,
 * their latency histograms added per second and request name, their counts summed, the one sampler's
 * server metrics and every part's journeys kept, and a {@code run.json} that names each part and how it
 * ended. Reads and writes the run directory through {@code dev.queuebench.rundir} only.
 */
package dev.queuebench.merge;
