package dev.queuebench.load;

import dev.queuebench.record.KoCause;
import dev.queuebench.record.SimulationLogHeader;
import dev.queuebench.record.SimulationLogListener;
import java.util.ArrayDeque;
import java.util.Deque;
import org.HdrHistogram.Histogram;

/**
 * What the last few seconds looked like, by response end time: responses per second, p99 and the
 * KO share. For the console progress line and for noticing a dead target, not for results (those
 * come from {@code RunRecorder}).
 */
final class LiveWindow implements SimulationLogListener {
    private static final int WINDOW_SEC = 5;

    private record Second(long epochSec, Histogram latencyMicros, long[] okKo, long[] koUnreachable) {
    }

    private final Deque<Second> seconds = new ArrayDeque<>();
    private long totalKo;
    private long totalRequests;
    private long injectorOutOfFiles;

    @Override
    public void onRun(SimulationLogHeader header) {
    }

    @Override
    public void onUser(boolean start, long timestampMillis) {
    }

    @Override
    public void onRequest(String name, long startMillis, long endMillis, boolean ok, String message) {
        long epochSec = Math.floorDiv(endMillis, 1000);
        Second second = seconds.peekLast();
        if (second == null || second.epochSec() < epochSec) {
            second = new Second(epochSec, new Histogram(3), new long[2], new long[1]);
            seconds.addLast(second);
            while (seconds.size() > WINDOW_SEC + 1) {
                seconds.removeFirst();
            }
        }
        second.latencyMicros().recordValue(Math.max(0, endMillis - startMillis) * 1000);
        totalRequests++;
        if (ok) {
            second.okKo()[0]++;
        } else {
            second.okKo()[1]++;
            totalKo++;
            String cause = KoCause.of(message);
            if (cause.equals("connect") || cause.equals("timeout")) {
                second.koUnreachable()[0]++;
            } else if (cause.equals(KoCause.INJECTOR_OUT_OF_FILES)) {
                injectorOutOfFiles++;
            }
        }
    }

    /** Responses per second over the window. */
    double responsesPerSec() {
        long count = 0;
        for (Second second : seconds) {
            count += second.okKo()[0] + second.okKo()[1];
        }
        return seconds.isEmpty() ? 0 : (double) count / Math.max(1, seconds.size());
    }

    double p99Millis() {
        Histogram merged = new Histogram(3);
        for (Second second : seconds) {
            merged.add(second.latencyMicros());
        }
        return merged.getTotalCount() == 0 ? 0 : merged.getValueAtPercentile(99) / 1000.0;
    }

    /** The share of answers in the window that were connection failures or timeouts. */
    double unreachableShare() {
        long all = 0;
        long unreachable = 0;
        for (Second second : seconds) {
            all += second.okKo()[0] + second.okKo()[1];
            unreachable += second.koUnreachable()[0];
        }
        return all < 20 ? 0 : (double) unreachable / all;
    }

    /** Requests so far the injector could not send for want of a file descriptor ({@link KoCause#INJECTOR_OUT_OF_FILES}). */
    long injectorOutOfFiles() {
        return injectorOutOfFiles;
    }

    long totalKo() {
        return totalKo;
    }

    long totalRequests() {
        return totalRequests;
    }
}
