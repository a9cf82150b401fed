package dev.queuebench.load;

import dev.queuebench.profile.JourneyShape;
import dev.queuebench.profile.SimulationProperty;
import dev.queuebench.rundir.RunFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The queue journey simulation, started in its own Gatling JVM with a plan carried in its {@code qb.*} properties. */
final class GatlingSimulation {
    static final String SIMULATION_CLASS = "dev.queuebench.simulations.QueueJourneySimulation";

    private GatlingSimulation() {
    }

    static GatlingProcess start(Path gatlingDir, InjectionPlan plan, RunTarget target, RunSettings settings,
            String runId) throws IOException {
        return GatlingProcess.start(SIMULATION_CLASS, gatlingDir,
                properties(gatlingDir, plan, target, settings, runId), settings.injectorHeapMb(),
                !settings.gatlingReport(), runId);
    }

    /** The simulation's system properties, read back by {@code JourneyConfig}. */
    static Map<String, String> properties(Path gatlingDir, InjectionPlan plan, RunTarget target,
            RunSettings settings, String runId) {
        JourneyShape journey = plan.profile().journey();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(SimulationProperty.BASE_URL, target.gatewayUrl());
        properties.put(SimulationProperty.REQUEST_RATE, plan.gatlingRequestRate());
        properties.put(SimulationProperty.EVENTS, Integer.toString(journey.events()));
        properties.put(SimulationProperty.POLLS_PER_USER, Integer.toString(journey.pollsPerUser()));
        properties.put(SimulationProperty.POLL_INTERVAL_MILLIS, Integer.toString(journey.pollIntervalMillis()));
        properties.put(SimulationProperty.POLL_JITTER_MILLIS, Integer.toString(journey.pollIntervalMillis() / 4));
        properties.put(SimulationProperty.LEAVE_FRACTION, Double.toString(journey.leaveFraction()));
        properties.put(SimulationProperty.ABANDON_FRACTION, Double.toString(journey.abandonFraction()));
        properties.put(SimulationProperty.SHARED_CONNECTIONS, Boolean.toString(settings.sharedConnections()));
        properties.put(SimulationProperty.REQUEST_TIMEOUT_MILLIS, Integer.toString(settings.requestTimeoutMillis()));
        properties.put(SimulationProperty.USER_PREFIX, runId + "-i" + settings.injectorIndex());
        properties.put(SimulationProperty.TRACE_ARRIVALS,
                System.getProperty(SimulationProperty.TRACE_ARRIVALS, "false"));
        properties.put(SimulationProperty.POISSON_ARRIVALS, Boolean.toString(plan.profile().poissonArrivals()));
        properties.put(SimulationProperty.HEARTBEAT_TTL_SEC, Integer.toString(settings.heartbeatTtlSec()));
        properties.put(SimulationProperty.INJECTOR_INDEX, Integer.toString(settings.injectorIndex()));
        properties.put(SimulationProperty.START_AT_EPOCH_MS, Long.toString(settings.startAtEpochMs()));
        properties.put(SimulationProperty.DOUBLE_ENTER_FRACTION,
                Double.toString(plan.profile().clients().doubleEnterFraction()));
        properties.put(SimulationProperty.WHEN_LOST, plan.profile().clients().whenLost().text());
        if (settings.recordJourneys()) {
            properties.put(SimulationProperty.JOURNEYS_FILE,
                    gatlingDir.toAbsolutePath().getParent().resolve(RunFiles.JOURNEYS).toString());
        }
        properties.put(SimulationProperty.ARRIVALS_FILE,
                gatlingDir.toAbsolutePath().getParent().resolve(RunFiles.ARRIVALS_CSV).toString());
        properties.put(SimulationProperty.PLAN_START_FILE, gatlingDir.resolve(GatlingProcess.PLAN_START_FILE)
                .toAbsolutePath().toString());
        properties.put(SimulationProperty.STOP_FILE, gatlingDir.resolve(GatlingProcess.STOP_FILE).toAbsolutePath()
                .toString());
        return properties;
    }
}
