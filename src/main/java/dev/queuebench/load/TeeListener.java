package dev.queuebench.load;

import dev.queuebench.record.SimulationLogHeader;
import dev.queuebench.record.SimulationLogListener;
import java.util.List;

/** Hands every record to several listeners, in order. */
final class TeeListener implements SimulationLogListener {
    private final List<SimulationLogListener> listeners;

    TeeListener(SimulationLogListener... listeners) {
        this.listeners = List.of(listeners);
    }

    @Override
    public void onRun(SimulationLogHeader header) {
        listeners.forEach(listener -> listener.onRun(header));
    }

    @Override
    public void onUser(boolean start, long timestampMillis) {
        listeners.forEach(listener -> listener.onUser(start, timestampMillis));
    }

    @Override
    public void onRequest(String name, long startMillis, long endMillis, boolean ok, String message) {
        for (SimulationLogListener listener : listeners) {
            listener.onRequest(name, startMillis, endMillis, ok, message);
        }
    }

    @Override
    public void onError(String message, long timestampMillis) {
        listeners.forEach(listener -> listener.onError(message, timestampMillis));
    }
}
