package dev.queuebench.record;

import java.util.Map;
import java.util.TreeMap;

/** OK and KO counts of one request name, KOs split by {@link KoCause}. Not thread-safe. */
public final class RequestCounts {
    private long ok;
    private long ko;
    private final Map<String, Long> koByCause = new TreeMap<>();

    void recordOk() {
        ok++;
    }

    void recordKo(String cause) {
        ko++;
        koByCause.merge(cause, 1L, Long::sum);
    }

    void add(RequestCounts other) {
        ok += other.ok;
        ko += other.ko;
        other.koByCause.forEach((cause, count) -> koByCause.merge(cause, count, Long::sum));
    }

    public long ok() {
        return ok;
    }

    public long ko() {
        return ko;
    }

    public long total() {
        return ok + ko;
    }

    public Map<String, Long> koByCause() {
        return Map.copyOf(koByCause);
    }

    /** {@code http_503=2;timeout=1}, causes in name order; empty without KOs. */
}
