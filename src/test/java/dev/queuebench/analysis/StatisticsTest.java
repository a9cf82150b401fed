package dev.queuebench.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatisticsTest {
    @Test
    void tiesShareTheirMeanRank() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, RankCorrelation.ranks(new double[] {1, 5, 5, 9}));
    }

    @Test
    void spearmanIsOneForAnyRisingRelationAndNanForAConstant() {
        assertEquals(1.0, RankCorrelation.spearman(new double[] {1, 2, 3, 4}, new double[] {1, 8, 27, 64}), 1e-12);
        assertEquals(-1.0, RankCorrelation.spearman(new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1}), 1e-12);
        assertTrue(Double.isNaN(RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {7, 7, 7})));
    }

    @Test
    void leastSquaresKeepsCoefficientsNonNegative() {
        // y = 3·x0 − 1·x1 exactly; the best non-negative fit drops x1.
        double[][] rows = {{1, 0}, {2, 1}, {3, 1}, {4, 2}, {5, 2}};
        double[] y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = 3 * rows[i][0] - rows[i][1];
        }
        NonNegativeLeastSquares.Fit fit = NonNegativeLeastSquares.solve(rows, y);
        assertEquals(0.0, fit.coefficients()[1]);
        assertTrue(fit.coefficients()[0] > 0);
    }

    @Test
    void twoKindsThatAlwaysMoveTogetherAreNotIdentifiable() {
        double[][] together = {{1, 2, 1}, {2, 4, 1}, {3, 6, 1}, {4, 8, 1}};
        double[][] apart = {{1, 5, 1}, {2, 1, 1}, {3, 4, 1}, {4, 2, 1}};
        double[] y = {1, 2, 3, 4};
        assertTrue(NonNegativeLeastSquares.solve(together, y).conditionNumber() > RequestCostModel.MAX_RELIABLE_CONDITION);
        assertTrue(NonNegativeLeastSquares.solve(apart, y).conditionNumber() < RequestCostModel.MAX_RELIABLE_CONDITION);
    }

    @Test
    void jacobiFindsTheEigenvaluesOfASymmetricMatrix() {
        double[] values = JacobiEigenvalues.of(new double[][] {{2, 1}, {1, 2}});
        java.util.Arrays.sort(values);
        assertArrayEquals(new double[] {1, 3}, values, 1e-12);
    }
}
