package dev.queuebench.metrics.sampler;

import dev.queuebench.redis.InfoSnapshot;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * ReplicationLag of the reader, in seconds. INFO has no lag in seconds, so it is estimated from the
 * replication offsets sampled in the same second: the bytes the reader is behind
 * ({@code master_repl_offset} of the primary minus {@code slave_repl_offset} of the reader) divided by
 * the rate the primary's offset grows (bytes/s over the primary's last interval). 0 when the reader
 * has caught up or is ahead (it is sampled just after the primary). While the link is down it is
 * {@code master_link_down_since_seconds}. Unknown (no row) without a primary sample this second, or
 * when the reader is behind but the primary wrote nothing over its last interval.
 */
public final class ReplicationLagEstimator {
    private ReplicationLagEstimator() {
    }

    /**
     * @param reader                      the reader's INFO this second
     * @param primaryOffsetBytes          the primary's master_repl_offset this second, if sampled
     * @param primaryOffsetBytesPerSec    the primary's offset growth over its last interval, if known
     */
    public static OptionalDouble lagSec(InfoSnapshot reader, OptionalLong primaryOffsetBytes,
            OptionalDouble primaryOffsetBytesPerSec) {
        if (reader.text("master_link_status").filter("down"::equals).isPresent()) {
            OptionalLong downSec = reader.longValue("master_link_down_since_seconds");
            return downSec.isPresent() ? OptionalDouble.of(downSec.getAsLong()) : OptionalDouble.empty();
        }
        OptionalLong readerOffset = reader.longValue("slave_repl_offset");
        if (readerOffset.isEmpty() || primaryOffsetBytes.isEmpty()) {
            return OptionalDouble.empty();
        }
        long behindBytes = primaryOffsetBytes.getAsLong() - readerOffset.getAsLong();
        if (behindBytes <= 0) {
            return OptionalDouble.of(0);
        }
        if (primaryOffsetBytesPerSec.isEmpty() || primaryOffsetBytesPerSec.getAsDouble() <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(behindBytes / primaryOffsetBytesPerSec.getAsDouble());
    }
}
