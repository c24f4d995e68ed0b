package io.storefront.recommender.domain.model;

import io.storefront.recommender.domain.eval.Interactions;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * Re-buys blended with a collaborative model: an item the user bought scores
 * {@code weight · (log(1 + invoices) + recency)} on top of the collaborative score, where recency
 * decays from 1 (bought at the end of training) with a half-life; items not bought keep the
 * collaborative score alone (scaled to its maximum for the user).
 */
public final class RepeatAware implements Scorer {

    private final Interactions m;
    private final Scorer collaborative;
    private final double weight;
    private final double halfLifeDays;
    private final LocalDateTime end;

    public RepeatAware(Interactions m, Scorer collaborative, double weight, double halfLifeDays, LocalDateTime end) {
        this.m = m;
        this.collaborative = collaborative;
        this.weight = weight;
        this.halfLifeDays = halfLifeDays;
        this.end = end;
    }

    @Override
    public void score(int user, double[] scores) {
        collaborative.score(user, scores);
        double max = 1e-12;
        for (double s : scores) max = Math.max(max, s);
        for (int j = 0; j < scores.length; j++) scores[j] /= max;
        int[] its = m.itemsOf(user);
        double[] strength = m.strengthsOf(user);
        LocalDateTime[] last = m.lastBoughtOf(user);
        for (int k = 0; k < its.length; k++) {
            double days = Math.max(0, Duration.between(last[k], end).toHours() / 24.0);
            double recency = Math.pow(0.5, days / halfLifeDays);
            scores[its[k]] += weight * (Math.log1p(strength[k]) + recency);
        }
    }
}
