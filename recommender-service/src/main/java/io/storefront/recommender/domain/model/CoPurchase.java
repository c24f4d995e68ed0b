package io.storefront.recommender.domain.model;

import io.storefront.recommender.domain.eval.Interactions;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Items bought by the same customers: for every item its {@code k} nearest items by cosine over
 * buyers (binary), with how many customers bought both. Sparse, so it scales to catalogues where an
 * items × items matrix does not fit: the work is the sum over users of (items per user)², done per
 * item in parallel with one counting array per thread.
 */
public final class CoPurchase {

    private final int[][] neighbours;
    private final float[][] similarity;
    private final int[][] together;
    private final int[] buyers;

    public CoPurchase(Interactions m, int k) {
        int n = m.items();
        buyers = new int[n];
        for (int u = 0; u < m.users(); u++) for (int i : m.itemsOf(u)) buyers[i]++;
        // buyers of each item (compressed rows)
        int[][] usersOf = new int[n][];
        for (int i = 0; i < n; i++) usersOf[i] = new int[buyers[i]];
        int[] fill = new int[n];
        for (int u = 0; u < m.users(); u++) for (int i : m.itemsOf(u)) usersOf[i][fill[i]++] = u;

        neighbours = new int[n][];
        similarity = new float[n][];
        together = new int[n][];
        ThreadLocal<int[]> counts = ThreadLocal.withInitial(() -> new int[n]);
        ThreadLocal<int[]> touched = ThreadLocal.withInitial(() -> new int[n]);
        IntStream.range(0, n).parallel().forEach(i -> {
            int[] co = counts.get();
            int[] seen = touched.get();
            int size = 0;
            for (int u : usersOf[i]) {
                for (int j : m.itemsOf(u)) {
                    if (j == i) continue;
                    if (co[j]++ == 0) seen[size++] = j;
                }
            }
            double[] sims = new double[size];
            for (int s = 0; s < size; s++) {
                int j = seen[s];
                sims[s] = co[j] / Math.sqrt((double) buyers[i] * buyers[j]);
            }
            int[] best = TopK.of(sims, Math.min(k, size), null);
            neighbours[i] = new int[best.length];
            similarity[i] = new float[best.length];
            together[i] = new int[best.length];
            for (int r = 0; r < best.length; r++) {
                int j = seen[best[r]];
                neighbours[i][r] = j;
                similarity[i][r] = (float) sims[best[r]];
                together[i][r] = co[j];
            }
            for (int s = 0; s < size; s++) co[seen[s]] = 0;
        });
    }

    /** The item's nearest items, most similar first. */
    public int[] neighbours(int item) {
        return neighbours[item];
    }

    public float[] similarities(int item) {
        return similarity[item];
    }

    /** How many customers bought both the item and each of its neighbours. */
    public int[] boughtTogether(int item) {
        return together[item];
    }

    public int buyers(int item) {
        return buyers[item];
    }

    /** Adds {@code weight · similarity} of each neighbour of {@code item} to {@code scores}; they join {@code touched}. */
    public void spread(int item, double weight, double[] scores, Candidates touched) {
        int[] ns = neighbours[item];
        float[] ss = similarity[item];
        for (int r = 0; r < ns.length; r++) {
            scores[ns[r]] += weight * ss[r];
            touched.add(ns[r]);
        }
    }

    /** The similarity of {@code other} among the neighbours of {@code item}, 0 when it is not one. */
    public double similarity(int item, int other) {
        int[] ns = neighbours[item];
        for (int r = 0; r < ns.length; r++) if (ns[r] == other) return similarity[item][r];
        return 0;
    }

    /** Neighbour lists held, for the model's size report. */
    public long links() {
        return Arrays.stream(neighbours).mapToLong(a -> a.length).sum();
    }
}
