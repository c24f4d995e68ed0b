package io.storefront.recommender.bench;

import io.storefront.recommender.domain.eval.Interactions;
import io.storefront.recommender.domain.eval.RetailData;
import io.storefront.recommender.domain.eval.TemporalSplit;
import io.storefront.recommender.domain.model.EaseR;
import io.storefront.recommender.domain.model.Scorer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Research for "repeat": an own item scores the probability that the customer buys it again within the
 * horizon, 1 − (1 − share)^(expected baskets), where share is the fraction of the customer's baskets that
 * held it and expected baskets their basket rate times the horizon, damped by recency; other items keep
 * EASE^R's score times a weight. Tuned on the validation split only, tested once.
 */
public final class RebuyTuning {

    /** Per customer: baskets before the cut and the days from their first basket to the cut. */
    record Activity(int baskets, double days) {
    }

    static Map<String, Activity> activity(List<RetailData.Line> lines, LocalDateTime cut) {
        Map<String, Set<String>> baskets = new HashMap<>();
        Map<String, LocalDateTime> first = new HashMap<>();
        for (RetailData.Line l : lines) {
            if (!l.time().isBefore(cut)) continue;
            baskets.computeIfAbsent(l.customer(), k -> new HashSet<>()).add(l.invoice());
            first.merge(l.customer(), l.time(), (a, b) -> a.isBefore(b) ? a : b);
        }
        Map<String, Activity> out = new HashMap<>();
        baskets.forEach((c, b) -> out.put(c, new Activity(b.size(),
                Math.max(30, Duration.between(first.get(c), cut).toHours() / 24.0))));
        return out;
    }

    static Scorer scorer(Interactions m, Scorer collaborative, Map<String, Activity> activity, LocalDateTime end,
                         double horizonDays, double halfLifeDays, double collaborativeWeight) {
        return (user, scores) -> {
            collaborative.score(user, scores);
            double max = 1e-12;
            for (double s : scores) max = Math.max(max, s);
            for (int j = 0; j < scores.length; j++) scores[j] = collaborativeWeight * scores[j] / max;
            Activity a = activity.get(m.userId(user));
            int[] its = m.itemsOf(user);
            double[] strength = m.strengthsOf(user);
            LocalDateTime[] last = m.lastBoughtOf(user);
            double expected = a == null ? 1 : Math.max(1, a.baskets() * horizonDays / a.days());
            for (int k = 0; k < its.length; k++) {
                double share = a == null ? 0.5 : Math.min(1, strength[k] / a.baskets());
                double again = 1 - Math.pow(1 - share, expected);
                double days = Math.max(0, Duration.between(last[k], end).toHours() / 24.0);
                scores[its[k]] += again * (0.5 + 0.5 * Math.pow(0.5, days / halfLifeDays));
            }
        };
    }

    public static void main(String[] args) {
        List<RetailData.Line> lines = RetailData.read(Path.of(args[0]));
        LocalDateTime valCut = LocalDateTime.of(2011, 6, 1, 0, 0);
        LocalDateTime testCut = LocalDateTime.of(2011, 9, 1, 0, 0);
        TemporalSplit val = TemporalSplit.of(lines, valCut, testCut);
        Map<String, Activity> valActivity = activity(lines, valCut);
        EaseR ease = new EaseR(val.train(), 200);
        double best = -1;
        double[] chosen = null;
        for (double horizon : new double[] {30, 90}) {
            for (double h : new double[] {60, 180, 365}) {
                for (double cw : new double[] {0.1, 0.3, 0.6}) {
                    var metrics = RetailBenchmark.metrics("repeat", scorer(val.train(), ease, valActivity, valCut, horizon, h, cw), val);
                    System.out.printf("validation horizon=%.0f half-life=%.0f collaborative=%.1f: NDCG %.4f%n", horizon, h, cw, metrics.ndcg());
                    if (metrics.ndcg() > best) {
                        best = metrics.ndcg();
                        chosen = new double[] {horizon, h, cw};
                    }
                }
            }
        }
        System.out.printf("chosen on validation: horizon=%.0f half-life=%.0f collaborative=%.1f (NDCG %.4f)%n",
                chosen[0], chosen[1], chosen[2], best);
        TemporalSplit test = TemporalSplit.of(lines, testCut, null);
        var m = RetailBenchmark.metrics("repeat", scorer(test.train(), new EaseR(test.train(), 200), activity(lines, testCut),
                testCut, chosen[0], chosen[1], chosen[2]), test);
        System.out.printf("test: HR %.3f P %.3f NDCG %.3f MAP %.3f coverage %.3f%n", m.hr(), m.precision(), m.ndcg(), m.map(), m.coverage());
    }
}
