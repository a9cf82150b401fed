package dev.queuebench.plan;

/**
 * One node's on-demand price in one price column.
 *
 * @param usdPerHour  per node, on demand
 * @param verified    whether the figure was checked against its column's source on its date;
 *                    false marks an estimate to verify before buying
 */
public record NodePrice(double usdPerHour, boolean verified) {
    public static final double HOURS_PER_MONTH = 730;

    public double usdPerMonth() {
        return usdPerHour * HOURS_PER_MONTH;
    }
}
