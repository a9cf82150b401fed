package dev.queuebench.merge;

import dev.queuebench.rundir.RequestSecond;
import dev.queuebench.rundir.RequestsCsv;
import dev.queuebench.rundir.RequestsCsvWriter;
import dev.queuebench.rundir.RunFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The merged run's {@code requests.csv}: per second and request name, the parts' ok, ko and ko by cause
 * summed. Also each part's last whole second, which tells a part that ended early.
 */
final class RequestsMerge {
    private record Key(long epochSec, String request) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int bySecond = Long.compare(epochSec, other.epochSec);
            return bySecond != 0 ? bySecond : request.compareTo(other.request);
        }
    }

    private RequestsMerge() {
    }

    /** @return each part's last second in its requests.csv (absent for a part with none), by part position */
    static Map<Integer, Long> write(List<RunFiles> parts, Path out) throws IOException {
        TreeMap<Key, long[]> counts = new TreeMap<>();
        Map<Key, Map<String, Long>> causes = new HashMap<>();
        Map<Integer, Long> lastSecond = new HashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            for (RequestSecond row : RequestsCsv.read(parts.get(i)).rows()) {
                Key key = new Key(row.epochSec(), row.request());
                long[] okKo = counts.computeIfAbsent(key, k -> new long[2]);
                okKo[0] += row.ok();
                okKo[1] += row.ko();
                Map<String, Long> byCause = causes.computeIfAbsent(key, k -> new TreeMap<>());
                row.koByCause().forEach((cause, count) -> byCause.merge(cause, count, Long::sum));
                lastSecond.merge(i, row.epochSec(), Math::max);
            }
        }
        try (RequestsCsvWriter writer = new RequestsCsvWriter(out)) {
            counts.forEach((key, okKo) -> writer.append(new RequestSecond(key.epochSec(), key.request(), okKo[0],
                    okKo[1], causes.getOrDefault(key, Map.of()))));
        }
        return lastSecond;
    }
}
