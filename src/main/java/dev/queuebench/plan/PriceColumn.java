package dev.queuebench.plan;

/**
 * Where one column of the catalog's prices comes from: one source, one region, one date for the
 * whole column, so no column mixes a price list with someone's estimate.
 *
 * @param key     {@code redis}, {@code valkey} (an {@link Engine}'s key) or {@code team}
 * @param source  the price list or document, and how the figures were taken from it
 * @param region  the AWS region the prices are for
 * @param date    when the source said so
 */
public record PriceColumn(String key, String source, String region, String date) {
    /** The team's own figures, shown beside the price list, never used to choose. */
    public static final String TEAM = "team";
}
