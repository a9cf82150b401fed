package dev.queuebench.analysis;

/**
 * Least squares with non-negative coefficients, exact for the handful of variables a request mix
 * has: every subset of variables is solved by its normal equations and the feasible solution with
 * the smallest residual wins (2^n solves; n is the number of request names plus one).
 */
final class NonNegativeLeastSquares {
    static final int MAX_VARIABLES = 12;

    /** Coefficients and fit quality. */
    record Fit(double[] coefficients, double rSquared, double conditionNumber) {
    }

    private NonNegativeLeastSquares() {
    }

    static Fit solve(double[][] rows, double[] y) {
        int n = rows.length == 0 ? 0 : rows[0].length;
        if (n > MAX_VARIABLES) {
            throw new IllegalArgumentException("too many variables for an exact search: " + n);
        }
        double[] best = new double[n];
        double bestResidual = residual(rows, y, best);
        for (int mask = 1; mask < (1 << n); mask++) {
            double[] candidate = solveSubset(rows, y, mask, n);
            if (candidate == null) {
                continue;
            }
            double residual = residual(rows, y, candidate);
            if (residual < bestResidual - 1e-9 * Math.max(1, bestResidual)) {
                best = candidate;
                bestResidual = residual;
            }
        }
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= Math.max(1, y.length);
        double total = 0;
        for (double v : y) {
            total += (v - mean) * (v - mean);
        }
        double rSquared = total == 0 ? Double.NaN : 1 - bestResidual / total;
        return new Fit(best, rSquared, conditionNumber(rows, n));
    }

    private static double[] solveSubset(double[][] rows, double[] y, int mask, int n) {
        int[] chosen = new int[Integer.bitCount(mask)];
        for (int i = 0, k = 0; i < n; i++) {
            if ((mask & (1 << i)) != 0) {
                chosen[k++] = i;
            }
        }
        int m = chosen.length;
        double[][] normal = new double[m][m + 1];
        for (int r = 0; r < rows.length; r++) {
            for (int a = 0; a < m; a++) {
                double xa = rows[r][chosen[a]];
                for (int b = 0; b < m; b++) {
                    normal[a][b] += xa * rows[r][chosen[b]];
                }
                normal[a][m] += xa * y[r];
            }
        }
        double[] solution = gauss(normal, m);
        if (solution == null) {
            return null;
        }
        double[] full = new double[n];
        for (int k = 0; k < m; k++) {
            if (solution[k] < 0) {
                return null;
            }
            full[chosen[k]] = solution[k];
        }
        return full;
    }

    /** Gaussian elimination with partial pivoting on an augmented matrix; null when singular. */
    private static double[] gauss(double[][] a, int m) {
        for (int col = 0; col < m; col++) {
            int pivot = col;
            for (int r = col + 1; r < m; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(a[pivot][col]) < 1e-12) {
                return null;
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int r = 0; r < m; r++) {
                if (r != col) {
                    double factor = a[r][col] / a[col][col];
                    for (int c = col; c <= m; c++) {
                        a[r][c] -= factor * a[col][c];
                    }
                }
            }
        }
        double[] x = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = a[i][m] / a[i][i];
        }
        return x;
    }

    private static double residual(double[][] rows, double[] y, double[] beta) {
        double sum = 0;
        for (int r = 0; r < rows.length; r++) {
            double predicted = 0;
            for (int i = 0; i < beta.length; i++) {
                predicted += rows[r][i] * beta[i];
            }
            sum += (y[r] - predicted) * (y[r] - predicted);
        }
        return sum;
    }

    /**
     * The condition number of the centred design (square root of the ratio of the largest to the
     * smallest eigenvalue of its correlation matrix, so units do not matter): when two request kinds always move together
     * their split is not identifiable, the number is large, and the report says so.
     */
    private static double conditionNumber(double[][] rows, int n) {
        if (rows.length == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double[][] gram = new double[n][n];
        double[] mean = new double[n];
        for (double[] row : rows) {
            for (int i = 0; i < n; i++) {
                mean[i] += row[i] / rows.length;
            }
        }
        for (double[] row : rows) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    gram[i][j] += (row[i] - mean[i]) * (row[j] - mean[j]);
                }
            }
        }
        // A constant column (the intercept) has no variance to compare; leave it out.
        int[] varying = java.util.stream.IntStream.range(0, n).filter(i -> gram[i][i] > 1e-12).toArray();
        if (varying.length == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double[][] reduced = new double[varying.length][varying.length];
        for (int i = 0; i < varying.length; i++) {
            for (int j = 0; j < varying.length; j++) {
                reduced[i][j] = gram[varying[i]][varying[j]]
                        / Math.sqrt(gram[varying[i]][varying[i]] * gram[varying[j]][varying[j]]);
            }
        }
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double value : JacobiEigenvalues.of(reduced)) {
            max = Math.max(max, Math.abs(value));
            min = Math.min(min, Math.abs(value));
        }
        return min <= 1e-12 * Math.max(1, max) ? Double.POSITIVE_INFINITY : Math.sqrt(max / min);
    }
}
