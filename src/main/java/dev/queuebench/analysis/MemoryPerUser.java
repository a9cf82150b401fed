package dev.queuebench.analysis;

/**
 * What queue state costs in memory: used memory and live keys against the users who joined.
 *
 * @param bytesPerUser  slope of BytesUsedForCache over accepted joins
 * @param keysPerUser   slope of CurrItems over accepted joins
 * @param fixedBytes    used memory with no user (the intercept)
 * @param usersJoined   accepted joins over the run
 * @param samples       samples in the fit
 * @param evictedKeys   keys evicted during the run (queue state silently dropped when above 0)
 */
public record MemoryPerUser(double bytesPerUser, double keysPerUser, double fixedBytes, long usersJoined,
        int samples, double evictedKeys) {
    public double bytesPerKey() {
        return keysPerUser > 0 ? bytesPerUser / keysPerUser : Double.NaN;
    }
}
