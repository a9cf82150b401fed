package dev.queuebench.analysis;

import dev.queuebench.rundir.Summary;

/**
 * One Redis command's share of the server's command CPU over the run (INFO commandstats).
 *
 * @param cpuMicros          the command's CPU as commandstats measured it; for a script command
 *                           (EVALSHA) this includes the commands its scripts called
 * @param cpuSharePct        this command's counted CPU ({@link #countedCpuMicros()}) over all
 *                           commands' counted CPU, percent: every microsecond counted once
 * @param microsPerCall      mean server CPU per call, as commandstats measured it
 * @param callsPerSec        mean calls per second over the sampled seconds
 * @param linearInSize       kept for summary.json's readers: the same as {@code walksData}
 * @param walksData          KEYS or FLUSH, or a command whose cost grows with its data (a full XRANGE,
 *                           SMEMBERS…) above {@value CommandCosts#SLOW_CALL_MICROS} µs a call; slowness
 *                           alone does not count, as a loaded machine can make any call slow
 * @param innerCommandsCpuMicros for a script command, the estimated CPU of the commands its scripts
 *                           called ({@link GatewayCommands#callsFromScripts}), which stay in their own
 *                           rows and are left out of this one's share; 0 for other commands
 * @param sentByGateway      the reference gateway sends this command (itself or from a script); when
 *                           false, another client of the server sent it
 */
public record CommandCost(String command, double cpuMicros, double calls, double cpuSharePct, double microsPerCall,
        double callsPerSec, boolean linearInSize, boolean walksData, double innerCommandsCpuMicros,
        boolean sentByGateway) {

    /** The CPU this row counts in the shares: a script's own work, without the commands it called. */
    public double countedCpuMicros() {
        return cpuMicros - innerCommandsCpuMicros;
    }

    /** Where the report may say the command ran: only the gateway's own commands are on the request path. */
    public String where() {
        return Summary.Command.where(sentByGateway);
    }
}
