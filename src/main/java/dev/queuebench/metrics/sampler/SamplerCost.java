package dev.queuebench.metrics.sampler;

import dev.queuebench.redis.InfoSnapshot;
import java.util.OptionalDouble;

/**
 * The sampler's own cost on one node: CPU microseconds per second that Redis spent in INFO
 * ({@code cmdstat_info} usec) between the first and the latest reading, restarted after a counter reset.
 * Other clients' INFO calls count too, so it is an upper bound.
 */
final class SamplerCost {
    private InfoReading first;
    private InfoReading latest;

    void add(InfoReading reading) {
        if (first == null || CounterResetDetector.isReset(latest.info(), reading.info())) {
            first = reading;
        }
        latest = reading;
    }

    OptionalDouble infoCpuMicrosPerSec() {
        if (first == null || latest == first) {
            return OptionalDouble.empty();
        }
        double elapsedSec = latest.elapsedSecSince(first);
        if (elapsedSec <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((infoMicros(latest.info()) - infoMicros(first.info())) / elapsedSec);
    }

    private static long infoMicros(InfoSnapshot info) {
        InfoSnapshot.CommandStat stat = info.commands().get("info");
        return stat == null ? 0 : stat.cpuMicros();
    }
}
