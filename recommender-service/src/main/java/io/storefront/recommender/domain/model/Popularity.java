package io.storefront.recommender.domain.model;

import io.storefront.recommender.domain.eval.Interactions;

/** Items by how many users bought them: the cold-start answer and the weakest baseline. */
public final class Popularity implements Scorer {

    private final double[] buyers;

    public Popularity(Interactions m) {
        buyers = new double[m.items()];
        for (int u = 0; u < m.users(); u++) for (int i : m.itemsOf(u)) buyers[i]++;
    }

    @Override
    public void score(int user, double[] scores) {
        System.arraycopy(buyers, 0, scores, 0, buyers.length);
    }
}
