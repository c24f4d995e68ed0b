package io.storefront.recommender.domain.model;

import io.storefront.recommender.domain.eval.Interactions;
import java.time.ZoneOffset;

/**
 * Re-buys: a user's own items first, by how many invoices held them, then by how recently, then the
 * fallback's scores for everything else (in retail about a third of next purchases are re-buys).
 */
public final class OwnHistory implements Scorer {

    private final Interactions m;
    private final Scorer fallback;

    public OwnHistory(Interactions m, Scorer fallback) {
        this.m = m;
        this.fallback = fallback;
    }

    @Override
    public void score(int user, double[] scores) {
        fallback.score(user, scores);
        double max = 0;
        for (double s : scores) max = Math.max(max, Math.abs(s));
        int[] its = m.itemsOf(user);
        double[] strength = m.strengthsOf(user);
        var last = m.lastBoughtOf(user);
        for (int k = 0; k < its.length; k++) {
            double recency = last[k].toEpochSecond(ZoneOffset.UTC) / 1e10; // < 1: breaks ties between equal counts
            scores[its[k]] = max + 1 + strength[k] * 10 + recency;
        }
    }
}
