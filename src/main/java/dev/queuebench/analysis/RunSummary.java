package dev.queuebench.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.rundir.AlarmsJson;
import dev.queuebench.rundir.EventsCsv;
import dev.queuebench.rundir.Summary;
import java.util.List;
import java.util.Map;

/**
 * Everything the reporter derives from one run directory; {@link SummaryRecord} makes it
 * {@code summary.json}.
 *
 * @param measured         per request name and {@code all}, over the measured steps (ramps and holds)
 * @param intendedRequests requests the profile planned over the measured steps
 * @param achievedRequests requests started over the measured steps
 * @param costs            per resource: engine CPU, command CPU, commands, network bytes
 * @param serverLevels     levels of server metrics the capacity plan projects from
 * @param serverInfo       {@code server-info.json} as written by the sampler, or an empty object
 * @param integrity        the queue-integrity audit of the journeys, or null when none were recorded
 * @param events           the run's timeline (events.csv) and the counter resets the sampler saw, in time order
 * @param drills           each drill's error window, recovery and users lost
 */
public record RunSummary(RunInfo info, double injectionStartSec, List<StepSummary> steps,
        Map<String, RequestStats> measured, double intendedRequests, double achievedRequests, Timeline timeline,
        List<MetricCorrelation> drivers, String driverSentence, Knee knee, List<RequestCost> costs,
        List<CommandCost> commands, MemoryPerUser memory, Summary.ServerLevels serverLevels, List<AlarmPeriod> alarms,
        List<AlarmsJson.NotEvaluated> alarmsNotEvaluated, JsonNode serverInfo, List<Summary.Warning> warnings,
        Summary.Integrity integrity, List<EventsCsv.Event> events, List<Summary.DrillVerdict> drills) {

    public double deliveredPct() {
        return intendedRequests > 0 ? 100 * achievedRequests / intendedRequests : Double.NaN;
    }

    public RequestCost cost(String resource) {
        return costs.stream().filter(cost -> cost.resource().equals(resource)).findFirst().orElse(null);
    }
}
