package dev.queuebench.record;

import java.util.Map;
import java.util.TreeMap;

/** Counts what a parser hands out, per request name. */
final class CountingListener implements SimulationLogListener {
    SimulationLogHeader header;
    final Map<String, long[]> okKoByName = new TreeMap<>();
    final Map<String, Long> koByMessage = new TreeMap<>();
    long usersStarted;
    long usersEnded;
    long responseTimeSumMillis;
    long lastEndMillis = Long.MIN_VALUE;

    @Override
    public void onRun(SimulationLogHeader runHeader) {
        header = runHeader;
    }

    @Override
    public void onUser(boolean start, long timestampMillis) {
        if (start) {
            usersStarted++;
        } else {
            usersEnded++;
        }
    }

    @Override
    public void onRequest(String name, long startMillis, long endMillis, boolean ok, String message) {
        okKoByName.computeIfAbsent(name, n -> new long[2])[ok ? 0 : 1]++;
        responseTimeSumMillis += endMillis - startMillis;
        lastEndMillis = Math.max(lastEndMillis, endMillis);
        if (!ok) {
            koByMessage.merge(message, 1L, Long::sum);
        }
    }

    long ok(String name) {
        return okKoByName.getOrDefault(name, new long[2])[0];
    }

    long ko(String name) {
        return okKoByName.getOrDefault(name, new long[2])[1];
    }
}
