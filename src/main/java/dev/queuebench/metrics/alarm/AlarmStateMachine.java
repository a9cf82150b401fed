package dev.queuebench.metrics.alarm;

import java.util.ArrayList;
import java.util.List;

/**
 * CloudWatch's alarm evaluation over a run's periods. At the end of every period it looks at the last
 * {@code evaluationPeriods} periods (only those since the data starts: the alarm is taken to exist from
 * the run's first period, in INSUFFICIENT_DATA), applies {@code treatMissingData}, then:
 * <ul>
 *   <li>ALARM when at least {@code datapointsToAlarm} periods breach;</li>
 *   <li>OK when enough periods are present and not breaching that ALARM is out of reach
 *       (at least evaluationPeriods - datapointsToAlarm + 1 of them);</li>
 *   <li>otherwise, with periods missing ({@code missing} / {@code ignore}): INSUFFICIENT_DATA when every
 *       period is missing under {@code missing}; the state unchanged when some are present (CloudWatch
 *       cannot decide either: it looks further back for datapoints; this replay does not), and under
 *       {@code ignore}.</li>
 * </ul>
 */
final class AlarmStateMachine {
    /** An ALARM stretch, before it is tied to a node and a source. */
    record Stretch(long startEpochSec, long endEpochSec, double peakValue) {
    }

    private enum State { OK, ALARM, INSUFFICIENT_DATA }

    private AlarmStateMachine() {
    }

    static List<Stretch> evaluate(AlarmRule rule, PeriodSeries series) {
        List<Stretch> stretches = new ArrayList<>();
        double[] values = series.values();
        State state = State.INSUFFICIENT_DATA;
        int alarmFromIndex = -1;
        long alarmStartSec = 0;
        for (int end = 0; end < values.length; end++) {
            int breaching = 0;
            int present = 0;
            for (int i = Math.max(0, end - rule.evaluationPeriods() + 1); i <= end; i++) {
                double value = values[i];
                if (Double.isNaN(value)) {
                    if (rule.treatMissingData() == TreatMissingData.BREACHING) {
                        breaching++;
                        present++;
                    } else if (rule.treatMissingData() == TreatMissingData.NOT_BREACHING) {
                        present++;
                    }
                } else {
                    present++;
                    if (rule.comparison().breaches(value, rule.threshold())) {
                        breaching++;
                    }
                }
            }
            int notBreaching = present - breaching;
            State next;
            if (breaching >= rule.datapointsToAlarm()) {
                next = State.ALARM;
            } else if (notBreaching >= rule.evaluationPeriods() - rule.datapointsToAlarm() + 1) {
                next = State.OK;
            } else if (present == 0 && rule.treatMissingData() == TreatMissingData.MISSING) {
                next = State.INSUFFICIENT_DATA;
            } else {
                next = state;
            }
            if (next == State.ALARM && state != State.ALARM) {
                alarmFromIndex = Math.max(0, end - rule.evaluationPeriods() + 1);
                alarmStartSec = series.endOf(end);
            } else if (next != State.ALARM && state == State.ALARM) {
                stretches.add(new Stretch(alarmStartSec, series.endOf(end), peak(rule, values, alarmFromIndex, end - 1)));
            }
            state = next;
        }
        if (state == State.ALARM) {
            stretches.add(new Stretch(alarmStartSec, series.endOf(values.length - 1),
                    peak(rule, values, alarmFromIndex, values.length - 1)));
        }
        return stretches;
    }

    private static double peak(AlarmRule rule, double[] values, int fromIndex, int toIndex) {
        double peak = Double.NaN;
        for (int i = fromIndex; i <= toIndex; i++) {
            if (!Double.isNaN(values[i])) {
                peak = Double.isNaN(peak) ? values[i] : rule.comparison().worse(peak, values[i]);
            }
        }
        return peak;
    }
}
