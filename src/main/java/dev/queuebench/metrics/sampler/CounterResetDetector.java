package dev.queuebench.metrics.sampler;

import dev.queuebench.redis.InfoSnapshot;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * Tells whether the counters between two INFO replies of one endpoint can be subtracted. They cannot
 * after a restart or failover (a new {@code run_id}, {@code uptime_in_seconds} went down) or a
 * {@code CONFIG RESETSTAT}: then some counter is lower than before, or a command's stats vanished.
 */
final class CounterResetDetector {
    private CounterResetDetector() {
    }

    static boolean isReset(InfoSnapshot before, InfoSnapshot now) {
        if (!before.text("run_id").equals(now.text("run_id"))) {
            return true;
        }
        if (wentDown(before.doubleValue("uptime_in_seconds"), now.doubleValue("uptime_in_seconds"))) {
            return true;
        }
        boolean counterWentDown = Stream.concat(
                        CounterFields.SIMPLE.stream().map(CounterFields.Counter::field),
                        Stream.concat(CounterFields.MAIN_THREAD_CPU.stream(), CounterFields.PROCESS_CPU.stream()))
                .anyMatch(field -> wentDown(before.doubleValue(field), now.doubleValue(field)));
        if (counterWentDown) {
            return true;
        }
        for (Map.Entry<String, InfoSnapshot.CommandStat> entry : before.commands().entrySet()) {
            InfoSnapshot.CommandStat after = now.commands().get(entry.getKey());
            if (after == null || after.calls() < entry.getValue().calls()
                    || after.cpuMicros() < entry.getValue().cpuMicros()) {
                return true;
            }
        }
        return false;
    }

    private static boolean wentDown(OptionalDouble before, OptionalDouble now) {
        return before.isPresent() && now.isPresent() && now.getAsDouble() < before.getAsDouble();
    }
}
