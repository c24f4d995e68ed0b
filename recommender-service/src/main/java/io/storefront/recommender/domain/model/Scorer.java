package io.storefront.recommender.domain.model;

/** Scores every catalogue item for a user of the training matrix; higher is better. */
public interface Scorer {

    /** Writes the scores of all items for {@code user} into {@code scores} (one per item). */
    void score(int user, double[] scores);
}
