package dev.queuebench.analysis;

/**
 * Names one time series: a metric on a node, from a source ({@code server} for the INFO sampler's
 * {@code server.csv}, {@code cloudwatch} for imported CloudWatch data, with its statistic).
 */
public record SeriesKey(String source, String node, String metric, String statistic) {
    public static SeriesKey server(String node, String metric) {
        return new SeriesKey("server", node, metric, "");
    }

    public static SeriesKey cloudwatch(String node, String metric, String statistic) {
        return new SeriesKey("cloudwatch", node, metric, statistic);
    }

    /** {@code EngineCPUUtilization@primary}, or {@code CPUUtilization@grp-001 (CloudWatch Average)}. */
    public String label() {
        return "cloudwatch".equals(source) ? metric + "@" + node + " (CloudWatch " + statistic + ")"
                : metric + "@" + node;
    }
}
