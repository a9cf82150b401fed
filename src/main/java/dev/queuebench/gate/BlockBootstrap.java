package dev.queuebench.gate;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * The moving-block bootstrap over a run's seconds: a resample is made of blocks of
 * {@value #BLOCK_SEC} consecutive seconds drawn with replacement, so that the slow drifts and bursts
 * that make neighbouring seconds alike (GC, a noisy neighbour) stay inside a block and widen the
 * interval as they should. Seeded: the same runs give the same verdict.
 */
final class BlockBootstrap {
    static final int BLOCK_SEC = 5;
    static final int RESAMPLES = 1_000;
    private static final long SEED = 20261125L;

    private BlockBootstrap() {
    }

    /** {@code RESAMPLES} resamples of {@code n} indices each; a different {@code salt} per run keeps them independent. */
    static int[][] resamples(int n, long salt) {
        SplittableRandom random = new SplittableRandom(SEED * 31 + salt * 1_000_003L + n);
        int[][] out = new int[RESAMPLES][];
        if (n == 0) {
            Arrays.fill(out, new int[0]);
            return out;
        }
        int block = Math.min(BLOCK_SEC, n);
        for (int r = 0; r < RESAMPLES; r++) {
            int[] picks = new int[n];
            int filled = 0;
            while (filled < n) {
                int start = random.nextInt(n - block + 1);
                for (int k = 0; k < block && filled < n; k++) {
                    picks[filled++] = start + k;
                }
            }
            out[r] = picks;
        }
        return out;
    }

    static int[] identity(int n) {
        int[] picks = new int[n];
        for (int i = 0; i < n; i++) {
            picks[i] = i;
        }
        return picks;
    }

    static double[] each(int[][] resamples, ToDoubleFunction<int[]> statistic) {
        double[] values = new double[resamples.length];
        for (int r = 0; r < resamples.length; r++) {
            values[r] = statistic.applyAsDouble(resamples[r]);
        }
        return values;
    }
}
