package dev.queuebench.rundir;

import java.util.Map;

/** One row of {@code requests.csv}: requests of one name started in one second, ok and ko by cause. */
public record RequestSecond(long epochSec, String request, long ok, long ko, Map<String, Long> koByCause) {
    public long total() {
        return ok + ko;
    }
}
