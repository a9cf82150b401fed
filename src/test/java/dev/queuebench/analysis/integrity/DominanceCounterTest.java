package dev.queuebench.analysis.integrity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DominanceCounterTest {
    /** The sweep agrees with counting pair by pair, ties included. */
    @Test
    void countsAsABruteForceCountDoes() {
        Random random = new Random(5);
        for (int trial = 0; trial < 50; trial++) {
            int points = random.nextInt(300);
            int queries = random.nextInt(300);
            int range = 1 + random.nextInt(60);
            int[] px = new int[points];
            int[] py = new int[points];
            for (int i = 0; i < points; i++) {
                px[i] = random.nextInt(range);
                py[i] = random.nextInt(range);
            }
            int[] qx = new int[queries];
            int[] qy = new int[queries];
            int[] expected = new int[queries];
            for (int q = 0; q < queries; q++) {
                qx[q] = random.nextInt(range + 2) - 1;
                qy[q] = random.nextInt(range + 2) - 1;
                for (int i = 0; i < points; i++) {
                    if (px[i] < qx[q] && py[i] >= qy[q]) {
                        expected[q]++;
                    }
                }
            }
            assertArrayEquals(expected, DominanceCounter.count(px, py, points, qx, qy, queries), "trial " + trial);
        }
    }
}
