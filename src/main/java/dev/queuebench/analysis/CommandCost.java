package dev.queuebench.analysis;

/**
 * One Redis command's share of the server's command CPU over the run (INFO commandstats).
 *
 * @param cpuSharePct      this command's CPU over all commands' CPU, percent
 * @param microsPerCall    mean server CPU per call
 * @param callsPerSec      mean calls per second over the sampled seconds
 * @param linearInSize     flagged in the report: {@code walksData}, or any command (the sampler's INFO
 *                         aside) costing more than {@value CommandCosts#SLOW_CALL_MICROS} µs a call
 * @param walksData        KEYS or FLUSH, or a command whose cost grows with its data (a full XRANGE,
 *                         SMEMBERS…) above {@value CommandCosts#SLOW_CALL_MICROS} µs a call; slowness alone
 *                         does not count, as a loaded machine can make any call slow
 */
public record CommandCost(String command, double cpuMicros, double calls, double cpuSharePct, double microsPerCall,
        double callsPerSec, boolean linearInSize, boolean walksData) {
}
