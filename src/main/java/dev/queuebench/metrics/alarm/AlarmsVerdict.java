package dev.queuebench.metrics.alarm;

import dev.queuebench.rundir.AlarmsJson;
import java.util.List;

/** What a replay of alarms over a run says, in one sentence: it never claims silence from rules it could not judge. */
public final class AlarmsVerdict {
    private AlarmsVerdict() {
    }

    public static String sentence(int rules, int episodes, List<AlarmsJson.NotEvaluated> notEvaluated) {
        String judged = episodes > 0 ? episodes + " episode(s) in ALARM"
                : notEvaluated.size() == rules ? "none evaluated"
                : "none of the " + (rules - notEvaluated.size()) + " evaluated would have fired";
        if (notEvaluated.isEmpty()) {
            return judged;
        }
        return judged + "; not evaluated: " + String.join("; ", notEvaluated.stream()
                .map(rule -> rule.alarm() + " (" + rule.reason() + ")").toList());
    }
}
