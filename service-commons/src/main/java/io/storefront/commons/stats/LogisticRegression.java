package io.storefront.commons.stats;

/**
 * L2-regularised logistic regression fitted by Newton's method: few features (tens), many rows. Each step
 * solves the Hessian system exactly, so a handful of passes converge where gradient descent would need
 * a learning rate tuned per data set.
 */
public final class LogisticRegression {

    private static final int MAX_ITERATIONS = 25;
    private static final double CONVERGED = 1e-7;

    private LogisticRegression() {
    }

    /**
     * The weights that best predict {@code y} from the rows {@code x} (an intercept is a column of ones), each
     * weight penalised by {@code lambda} · w² / 2; features whose {@code fixed} flag is set stay at 0.
     */
    public static double[] fit(double[][] x, boolean[] y, double lambda, boolean[] fixed) {
        int width = fixed.length;
        double[] w = new double[width];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[width];
            double[][] hessian = new double[width][width];
            for (int r = 0; r < x.length; r++) {
                double[] row = x[r];
                double p = probability(w, row);
                double error = p - (y[r] ? 1 : 0);
                double curvature = p * (1 - p);
                for (int f = 0; f < width; f++) {
                    gradient[f] += error * row[f];
                    for (int g = 0; g <= f; g++) hessian[f][g] += curvature * row[f] * row[g];
                }
            }
            for (int f = 0; f < width; f++) {
                gradient[f] += lambda * w[f];
                hessian[f][f] += lambda;
                for (int g = 0; g < f; g++) hessian[g][f] = hessian[f][g];
            }
            for (int f = 0; f < width; f++) {
                if (!fixed[f]) continue;
                for (int g = 0; g < width; g++) {
                    hessian[f][g] = 0;
                    hessian[g][f] = 0;
                }
                gradient[f] = 0;
            }
            double[] step = solve(hessian, gradient);
            double largest = 0;
            for (int f = 0; f < width; f++) {
                w[f] -= step[f];
                largest = Math.max(largest, Math.abs(step[f]));
            }
            if (largest < CONVERGED) break;
        }
        return w;
    }

    public static double probability(double[] w, double[] row) {
        return 1 / (1 + Math.exp(-dot(w, row)));
    }

    public static double dot(double[] w, double[] row) {
        double z = 0;
        for (int f = 0; f < w.length; f++) z += w[f] * row[f];
        return z;
    }

    /** Gauss-Jordan elimination with partial pivoting; unknowns whose column is all zero (fixed features) are 0. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
            double[] swap = m[c];
            m[c] = m[pivot];
            m[pivot] = swap;
            if (m[c][c] == 0) continue;
            for (int r = 0; r < n; r++) {
                if (r == c) continue;
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) m[r][k] -= f * m[c][k];
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = m[i][i] == 0 ? 0 : m[i][n] / m[i][i];
        return x;
    }
}
