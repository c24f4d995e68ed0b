package io.storefront.recommender.domain.model;

import io.storefront.recommender.domain.eval.Interactions;

/**
 * Item-based k-nearest neighbours: cosine similarity of items over the users who bought them
 * (binary), each item keeping its {@code k} most similar items; a user's score for an item is the
 * sum of its similarities to the items the user bought among those neighbours.
 */
public final class ItemKnn implements Scorer {

    private final Interactions m;
    /** For each item j, its neighbours and their similarity to j. */
    private final int[][] neighbours;
    private final float[][] similarity;

    public ItemKnn(Interactions m, int k) {
        this.m = m;
        int n = m.items();
        int[][] co = new int[n][n];
        int[] count = new int[n];
        for (int u = 0; u < m.users(); u++) {
            int[] its = m.itemsOf(u);
            for (int a : its) {
                count[a]++;
                int[] row = co[a];
                for (int b : its) row[b]++;
            }
        }
        neighbours = new int[n][];
        similarity = new float[n][];
        double[] sims = new double[n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                sims[i] = i == j || co[j][i] == 0 ? 0 : co[j][i] / Math.sqrt((double) count[i] * count[j]);
            }
            int[] top = TopK.of(sims, k, null);
            int kept = 0;
            for (int i : top) if (sims[i] > 0) kept++;
            neighbours[j] = new int[kept];
            similarity[j] = new float[kept];
            int r = 0;
            for (int i : top) {
                if (sims[i] <= 0) continue;
                neighbours[j][r] = i;
                similarity[j][r++] = (float) sims[i];
            }
        }
    }

    @Override
    public void score(int user, double[] scores) {
        java.util.Arrays.fill(scores, 0);
        java.util.BitSet owned = new java.util.BitSet();
        for (int i : m.itemsOf(user)) owned.set(i);
        for (int j = 0; j < scores.length; j++) {
            double s = 0;
            for (int r = 0; r < neighbours[j].length; r++) if (owned.get(neighbours[j][r])) s += similarity[j][r];
            scores[j] = s;
        }
    }
}
