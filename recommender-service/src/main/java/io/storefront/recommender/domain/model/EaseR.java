package io.storefront.recommender.domain.model;

import io.storefront.recommender.domain.eval.Interactions;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * EASE^R (Steck, WWW 2019): an item-item weight matrix B with a zero diagonal, in closed form from
 * the Gram matrix of the binary user-item matrix: P = (XᵀX + λI)⁻¹, B = I − P · diag(1 / diag(P)).
 * A user's scores are their row of X times B. The inverse comes from a Cholesky factorisation done
 * in parallel over rows; memory is two items × items matrices of doubles (107 MB each at 3,659 items).
 */
public final class EaseR implements Scorer {

    /** How much a (user, item) pair weighs in X: 1 for the binary model of the paper. */
    public interface Weighting {
        double weight(Interactions m, int user, int position);

        Weighting BINARY = (m, user, position) -> 1;
    }

    private final Interactions m;
    private final Weighting weighting;
    /** The items the model covers (all, or the most bought ones) and each item's place among them (−1: not covered). */
    private final int[] covered;
    private final int[] place;
    private final double[][] b;

    public EaseR(Interactions m, double lambda) {
        this(m, lambda, Weighting.BINARY);
    }

    public EaseR(Interactions m, double lambda, Weighting weighting) {
        this(m, lambda, weighting, java.util.stream.IntStream.range(0, m.items()).toArray());
    }

    /**
     * EASE^R over {@code covered} items only: its matrices are covered² (two of 32 MB at 2,000 items), so a
     * large catalogue keeps the items most of the purchases are of; the others score 0.
     */
    public EaseR(Interactions m, double lambda, Weighting weighting, int[] covered) {
        this.m = m;
        this.weighting = weighting;
        this.covered = covered.clone();
        this.place = new int[m.items()];
        Arrays.fill(place, -1);
        for (int k = 0; k < covered.length; k++) place[covered[k]] = k;
        int n = covered.length;
        double[][] g = new double[n][n];
        for (int u = 0; u < m.users(); u++) {
            int[] its = m.itemsOf(u);
            int[] local = new int[its.length];
            double[] w = new double[its.length];
            int size = 0;
            for (int k = 0; k < its.length; k++) {
                if (place[its[k]] < 0) continue;
                local[size] = place[its[k]];
                w[size++] = weighting.weight(m, u, k);
            }
            for (int x = 0; x < size; x++) {
                double[] row = g[local[x]];
                for (int y = 0; y < size; y++) row[local[y]] += w[x] * w[y];
            }
        }
        for (int i = 0; i < n; i++) g[i][i] += lambda;
        double[][] p = invertSpd(g);
        b = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] row = new double[n];
            for (int j = 0; j < n; j++) row[j] = i == j ? 0 : -p[i][j] / p[j][j];
            b[i] = row;
        }
    }

    /** The items most users bought, at most {@code limit}: what a restricted model should cover. */
    public static int[] mostBought(Interactions m, int limit) {
        double[] buyers = new double[m.items()];
        for (int u = 0; u < m.users(); u++) for (int i : m.itemsOf(u)) buyers[i]++;
        int[] top = TopK.of(buyers, Math.min(limit, m.items()), null);
        int size = 0;
        while (size < top.length && buyers[top[size]] > 0) size++;
        return Arrays.copyOf(top, size);
    }

    public int[] covered() {
        return covered;
    }

    @Override
    public void score(int user, double[] scores) {
        Arrays.fill(scores, 0);
        int[] its = m.itemsOf(user);
        for (int k = 0; k < its.length; k++) {
            int at = place[its[k]];
            if (at < 0) continue;
            double w = weighting.weight(m, user, k);
            double[] row = b[at];
            for (int j = 0; j < row.length; j++) scores[covered[j]] += w * row[j];
        }
    }

    /** The inverse of a symmetric positive-definite matrix (overwrites {@code a}) via Cholesky: A = L Lᵀ. */
    static double[][] invertSpd(double[][] a) {
        int n = a.length;
        // lower-triangular L in place, row by row (left-looking)
        for (int j = 0; j < n; j++) {
            double[] rowJ = a[j];
            double d = rowJ[j];
            for (int k = 0; k < j; k++) d -= rowJ[k] * rowJ[k];
            if (d <= 0) throw new ArithmeticException("matrix is not positive definite at " + j);
            double ljj = Math.sqrt(d);
            rowJ[j] = ljj;
            final int col = j;
            IntStream.range(j + 1, n).parallel().forEach(i -> {
                double[] rowI = a[i];
                double s = rowI[col];
                for (int k = 0; k < col; k++) s -= rowI[k] * rowJ[k];
                rowI[col] = s / ljj;
            });
        }
        // inverse of L (lower triangular), column by column in parallel
        double[][] inv = new double[n][n];
        IntStream.range(0, n).parallel().forEach(c -> {
            double[] x = new double[n];
            x[c] = 1 / a[c][c];
            for (int i = c + 1; i < n; i++) {
                double s = 0;
                double[] rowI = a[i];
                for (int k = c; k < i; k++) s -= rowI[k] * x[k];
                x[i] = s / rowI[i];
            }
            for (int i = c; i < n; i++) inv[i][c] = x[i];
        });
        // A⁻¹ = L⁻ᵀ L⁻¹: entry (i, j) = sum over k ≥ max(i, j) of inv[k][i] · inv[k][j]
        double[][] t = new double[n][];
        for (int k = 0; k < n; k++) t[k] = inv[k];
        double[][] result = new double[n][n];
        IntStream.range(0, n).parallel().forEach(i -> {
            double[] out = result[i];
            for (int k = i; k < n; k++) {
                double lki = t[k][i];
                if (lki == 0) continue;
                double[] row = t[k];
                for (int j = 0; j <= k; j++) out[j] += lki * row[j];
            }
        });
        return result;
    }
}
