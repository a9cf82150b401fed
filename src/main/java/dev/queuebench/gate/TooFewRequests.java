package dev.queuebench.gate;

import java.util.Locale;

/**
 * The evidence of a percentile check left INCONCLUSIVE for lack of requests: how many requests of
 * that kind the step had, how many the percentile needs, and how long the step must last to give
 * them at the rate that kind came (for a hold, the {@code run --hold-sec} that settles it).
 */
final class TooFewRequests {
    private TooFewRequests() {
    }

    static String evidence(String metric, RequestSample fewest, long needed, int valuesBeyond) {
        String had = String.format(Locale.ROOT, "%s rests on %,d requests, fewer than the %,d it needs (%d beyond it): "
                + "too few to judge", metric, fewest.requests(), needed, valuesBeyond);
        long seconds = fewest.secondsFor(needed);
        if (seconds < 0) {
            return had + "; judge a wider group such as 'all'";
        }
        String rate = String.format(Locale.ROOT, "; at the %.1f requests/s of this kind (%,d in %d s), ", fewest.perSec(),
                fewest.requests(), fewest.durationSec());
        String longer = fewest.hold()
                ? String.format(Locale.ROOT, "a %d s hold gives them (run --hold-sec %d, baseline and candidates alike)",
                        seconds, seconds)
                : String.format(Locale.ROOT, "%d s of this step gives them", seconds);
        return had + rate + longer + ", or judge a wider group such as 'all'";
    }
}
