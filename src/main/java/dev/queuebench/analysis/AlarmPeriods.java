package dev.queuebench.analysis;

import dev.queuebench.rundir.RunDataException;

import dev.queuebench.rundir.RunFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the alarm evaluation of a run, {@code alarms.json}:
 * {@code {"rules":[…], "episodes":[{"alarm","node","source","startEpochSec","endEpochSec","peakValue"}]}}
 * (snake_case names are accepted too). No file: no periods.
 */
public final class AlarmPeriods {
    private AlarmPeriods() {
    }

    public static List<AlarmPeriod> read(RunFiles files) {
        if (!files.has(RunFiles.ALARMS_JSON)) {
            return List.of();
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(files.file(RunFiles.ALARMS_JSON).toFile());
        } catch (IOException e) {
            throw new RunDataException(files.file(RunFiles.ALARMS_JSON) + " is not valid JSON: " + e.getMessage()
                    + " (rewrite it with: java -jar target/queuebench.jar alarms " + files.dir() + ")", e);
        }
        List<AlarmPeriod> periods = new ArrayList<>();
        for (JsonNode episode : root.path("episodes")) {
            periods.add(new AlarmPeriod(text(episode, "alarm", "alarm"), text(episode, "node", "node"),
                    text(episode, "source", "source"), number(episode, "startEpochSec", "start_epoch_sec"),
                    number(episode, "endEpochSec", "end_epoch_sec"),
                    episode.has("peakValue") ? episode.path("peakValue").asDouble()
                            : episode.path("peak_value").asDouble(Double.NaN)));
        }
        return List.copyOf(periods);
    }

    private static String text(JsonNode node, String camel, String snake) {
        return node.has(camel) ? node.path(camel).asText() : node.path(snake).asText("");
    }

    private static long number(JsonNode node, String camel, String snake) {
        return node.has(camel) ? node.path(camel).asLong() : node.path(snake).asLong();
    }
}
