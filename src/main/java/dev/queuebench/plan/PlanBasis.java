package dev.queuebench.plan;

import java.util.List;
import java.util.Map;

/**
 * What the plan stands on, all measured in the runs given to it.
 *
 * @param runIds                  the runs
 * @param measuredNodeType        the node type label the runs were made on
 * @param measuredRps             mean achieved total rate over the measured steps
 * @param peakRps                 the highest step's achieved rate
 * @param mix                     share of each request name in the measured requests (sums to 1)
 * @param engineMicrosPerRequest  Redis main-thread CPU per request of the measured mix
 * @param engineBackgroundMicrosPerSec main-thread CPU no request explains
 * @param engineMicrosByKind      per request name, when the runs could tell the kinds apart (else empty)
 * @param processMicrosPerRequest Redis process CPU (all threads) per request, NaN when not sampled
 * @param processBackgroundMicrosPerSec process CPU no request explains
 * @param commandsPerRequest      Redis commands per request
 * @param networkBytesPerRequest  bytes in + out per request
 * @param bytesPerUser            used memory per joined user, NaN when not sampled
 * @param fixedBytes              used memory with no user
 * @param newConnectionsPerSec    mean NewConnections during the runs
 * @param measuredEnginePct       mean EngineCPUUtilization over the measured steps (the linear method's input)
 * @param measuredUsedBytes       used memory at the end of the run (the linear method's input)
 * @param alarmThresholds         the user's alarms: metric → threshold (from alarms.json, else the capacity plan's)
 * @param warnings                what limits the plan
 */
public record PlanBasis(List<String> runIds, String measuredNodeType, double measuredRps, double peakRps,
        Map<String, Double> mix, double engineMicrosPerRequest, double engineBackgroundMicrosPerSec,
        Map<String, Double> engineMicrosByKind, double processMicrosPerRequest, double processBackgroundMicrosPerSec,
        double commandsPerRequest, double networkBytesPerRequest, double bytesPerUser, double fixedBytes,
        double newConnectionsPerSec, double measuredEnginePct, double measuredUsedBytes,
        Map<String, Double> alarmThresholds, List<String> warnings) {
}
