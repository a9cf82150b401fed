package dev.queuebench.load;

import dev.queuebench.profile.Phase;
import dev.queuebench.profile.StopRule;
import dev.queuebench.record.RunRecorder;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The {@code stairs} stop rule, applied live: merges each hold phase's seconds and, once its last
 * second is closed, says whether the step broke the limit (p99 or KO share). Seconds arrive in order.
 */
final class StepLimits {
    private final InjectionPlan plan;
    private final StopRule rule;
    private Phase current;
    private Histogram latencyMicros = new Histogram(3);
    private long requests;
    private long kos;
    private volatile String brokenReason;

    StepLimits(InjectionPlan plan, StopRule rule) {
        this.plan = plan;
        this.rule = rule;
    }

    /** Accounts one closed second, {@code offset} seconds into the plan. */
    void onSecondClosed(RunRecorder.ClosedSecond second, int offset) {
        Phase phase = plan.phaseAt(offset);
        if (phase == null || !phase.isHold()) {
            return;
        }
        if (phase != current) {
            current = phase;
            latencyMicros = new Histogram(3);
            requests = 0;
            kos = 0;
        }
        latencyMicros.add(second.latencyMicros());
        requests += second.requestsSent();
        kos += second.koCount();
        boolean lastSecond = offset == plan.phaseStartSec(phase) + phase.durationSec() - 1;
        if (lastSecond && brokenReason == null && requests > 0) {
            double p99Millis = latencyMicros.getValueAtPercentile(99) / 1000.0;
            double errorPercent = 100.0 * kos / requests;
            if (p99Millis > rule.p99LimitMillis() || errorPercent > rule.errorLimitPercent()) {
                brokenReason = String.format(Locale.ROOT,
                        "stopped after step %s: p99 %.1f ms (limit %.0f), errors %.2f%% (limit %.2f%%)",
                        phase.name(), p99Millis, rule.p99LimitMillis(), errorPercent, rule.errorLimitPercent());
            }
        }
    }

    /** Why the climb should stop, or null to go on. */
    String brokenReason() {
        return brokenReason;
    }
}
