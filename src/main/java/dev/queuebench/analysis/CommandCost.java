package dev.queuebench.analysis;

/**
 * One Redis command's share of the server's command CPU over the run (INFO commandstats).
 *
 * @param cpuSharePct      this command's CPU over all commands' CPU, percent
 * @param microsPerCall    mean server CPU per call
 * @param callsPerSec      mean calls per second over the sampled seconds
 * @param linearInSize     true for commands whose cost grows with the data (KEYS, full XRANGE,
 *                         SMEMBERS…) or that cost more than {@value CommandCosts#SLOW_CALL_MICROS} µs a call
 */
public record CommandCost(String command, double cpuMicros, double calls, double cpuSharePct, double microsPerCall,
        double callsPerSec, boolean linearInSize) {
}
