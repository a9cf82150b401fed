package dev.queuebench.record;

import java.util.List;

/**
 * The run record of a {@code simulation.log}.
 *
 * @param gatlingVersion      the version that wrote the file, e.g. {@code 3.15.1}
 * @param simulationClassName the simulation's class
 * @param startMillis         the run's start, epoch ms: every other timestamp is an offset from it
 * @param runDescription      the run description given to Gatling
 * @param scenarios           scenario names, by index
 */
public record SimulationLogHeader(String gatlingVersion, String simulationClassName, long startMillis,
        String runDescription, List<String> scenarios) {
}
