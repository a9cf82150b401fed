package dev.queuebench.metrics.cloudwatch;

/**
 * The finest period CloudWatch still keeps for data of a given age (its retention schedule): 60 s
 * datapoints for 15 days, 300 s for 63 days, 3600 s for 455 days. ElastiCache publishes at 60 s, so
 * nothing finer exists.
 */
public final class FetchPeriod {
    private static final long DAY_SEC = 86_400;

    private FetchPeriod() {
    }

    /** @param oldestAgeSec how long ago the start of the requested range is */
    public static int finestSec(long oldestAgeSec) {
        if (oldestAgeSec <= 15 * DAY_SEC) {
            return 60;
        }
        if (oldestAgeSec <= 63 * DAY_SEC) {
            return 300;
        }
        if (oldestAgeSec <= 455 * DAY_SEC) {
            return 3600;
        }
        throw new IllegalArgumentException("the range starts " + oldestAgeSec / DAY_SEC
                + " days ago: CloudWatch keeps metrics for 455 days at most");
    }
}
