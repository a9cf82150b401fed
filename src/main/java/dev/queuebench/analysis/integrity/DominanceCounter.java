package dev.queuebench.analysis.integrity;

import java.util.Arrays;

/**
 * Counts, for many queries at once, the points with {@code x < qx} and {@code y >= qy}: in the
 * audit, the users who joined before a user (x: a join time) and still held their place at a given
 * moment (y: when their place ended). One sweep over x with a Fenwick tree over the ranks of y:
 * O((points + queries) log points) time and a few arrays of that length, whatever the queue's depth.
 */
final class DominanceCounter {
    private DominanceCounter() {
    }

    /**
     * @return for each query i, the number of points j with {@code px[j] < qx[i]} and {@code py[j] >= qy[i]}
     */
    static int[] count(int[] px, int[] py, int points, int[] qx, int[] qy, int queries) {
        int[] ys = Arrays.copyOf(py, points);
        Arrays.sort(ys);
        int[] pointOrder = order(px, points);
        int[] queryOrder = order(qx, queries);
        int[] tree = new int[points + 1];
        int[] result = new int[queries];
        int added = 0;
        int next = 0;
        for (int k = 0; k < queries; k++) {
            int q = queryOrder[k];
            while (next < points && px[pointOrder[next]] < qx[q]) {
                int rank = lowerBound(ys, py[pointOrder[next]]) + 1;
                for (int i = rank; i <= points; i += i & -i) {
                    tree[i]++;
                }
                added++;
                next++;
            }
            // Points added with y < qy are those of rank <= lowerBound(qy).
            int below = 0;
            for (int i = lowerBound(ys, qy[q]); i > 0; i -= i & -i) {
                below += tree[i];
            }
            result[q] = added - below;
        }
        return result;
    }

    /**
     * Indices 0..n-1 sorted by {@code keys}: each key and its index packed into one long (the key's bits
     * above, the index below) and sorted in place, so the sort needs no arrays beside its own.
     */
    private static int[] order(int[] keys, int n) {
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = ((long) keys[i] << 32) | i;
        }
        Arrays.sort(packed);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = (int) packed[i];
        }
        return idx;
    }

    /** The number of values in sorted {@code ys} that are < {@code value}. */
    private static int lowerBound(int[] ys, int value) {
        int lo = 0;
        int hi = ys.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ys[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
