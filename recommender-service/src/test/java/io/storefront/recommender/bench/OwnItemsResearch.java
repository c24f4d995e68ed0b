package io.storefront.recommender.bench;

import io.storefront.commons.stats.LogisticRegression;
import io.storefront.recommender.domain.eval.Interactions;
import io.storefront.recommender.domain.eval.RetailData;
import io.storefront.recommender.domain.eval.TemporalSplit;
import io.storefront.recommender.domain.eval.TopKMetrics;
import io.storefront.recommender.domain.model.Recommender;
import io.storefront.recommender.domain.model.Scorer;
import io.storefront.recommender.domain.model.TopK;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Research for the "repeat" variant (run by {@code bench/recommender.sh own-items}): where the service's hybrid
 * finds its hits, how well single signals order a customer's own items, and a logistic model over those signals
 * fitted on the validation split (features before 2011-06-01, labels to 2011-09-01) that puts own items first,
 * tested once. Not in the service.
 */
public final class OwnItemsResearch {

    static final String[] SIGNALS = {"hybrid score / user's best", "log invoices with the item", "recency ½^(days/90)",
            "log buyers in the last 30 days", "log buyers in the last 90 days", "item's re-buy rate",
            "log days since the item last sold", "log buyers ever", "share of the customer's baskets",
            "log customer's baskets"};

    /** What the signals are computed from, for one split. */
    record Split(String name, TemporalSplit split, Interactions m, Recommender hybrid, LocalDateTime cut, double[] recent30,
                 double[] recent90, double[] rebuyRate, double[] buyers, double[] daysSinceSold, double[] baskets) {

        static Split of(String name, List<RetailData.Line> lines, TemporalSplit split, LocalDateTime cut) {
            Interactions m = split.train();
            double[] recent30 = new double[m.items()], recent90 = new double[m.items()], daysSinceSold = new double[m.items()];
            double[] buyers = new double[m.items()], rebuyers = new double[m.items()], baskets = new double[m.users()];
            LocalDateTime[] lastSold = new LocalDateTime[m.items()];
            Set<String> pairs30 = new HashSet<>(), pairs90 = new HashSet<>(), invoices = new HashSet<>();
            for (RetailData.Line l : lines) {
                if (!l.time().isBefore(cut)) continue;
                Integer i = m.itemIndex(l.item());
                Integer u = m.userIndex(l.customer());
                if (u != null && invoices.add(l.invoice())) baskets[u]++;
                if (i == null) continue;
                if (lastSold[i] == null || l.time().isAfter(lastSold[i])) lastSold[i] = l.time();
                if (!l.time().isBefore(cut.minusDays(30)) && pairs30.add(l.customer() + "|" + i)) recent30[i]++;
                if (!l.time().isBefore(cut.minusDays(90)) && pairs90.add(l.customer() + "|" + i)) recent90[i]++;
            }
            for (int u = 0; u < m.users(); u++) {
                int[] items = m.itemsOf(u);
                double[] strengths = m.strengthsOf(u);
                for (int k = 0; k < items.length; k++) {
                    buyers[items[k]]++;
                    if (strengths[k] >= 2) rebuyers[items[k]]++;
                }
            }
            double[] rebuyRate = new double[m.items()];
            for (int i = 0; i < m.items(); i++) {
                rebuyRate[i] = (rebuyers[i] + 1) / (buyers[i] + 4); // smoothed towards 1 in 4
                daysSinceSold[i] = lastSold[i] == null ? 1e4 : Duration.between(lastSold[i], cut).toHours() / 24.0;
            }
            Recommender hybrid = HybridTuning.model(lines, split, Recommender.Settings.DEFAULT, cut);
            return new Split(name, split, m, hybrid, cut, recent30, recent90, rebuyRate, buyers, daysSinceSold, baskets);
        }

        /** The signals of the user's k-th own item; {@code scores} are the hybrid's for the user, {@code best} their top own score. */
        double[] signals(int u, int k, double[] scores, double best) {
            int i = m.itemsOf(u)[k];
            double strength = m.strengthsOf(u)[k];
            double days = Duration.between(m.lastBoughtOf(u)[k], cut).toHours() / 24.0;
            return new double[] {scores[i] / best, Math.log(strength), Math.pow(0.5, days / 90), Math.log1p(recent30[i]),
                    Math.log1p(recent90[i]), rebuyRate[i], Math.log1p(daysSinceSold[i]), Math.log1p(buyers[i]),
                    strength / baskets[u], Math.log(baskets[u])};
        }

        double bestOwn(int u, double[] scores) {
            double best = 1e-12;
            for (int i : m.itemsOf(u)) best = Math.max(best, scores[i]);
            return best;
        }
    }

    public static void main(String[] args) {
        RetailBenchmark.Splits splits = RetailBenchmark.Splits.read(args[0]);
        Split val = Split.of("validation", splits.lines(), splits.validation(), RetailBenchmark.VALIDATION_CUT);
        Split test = Split.of("test", splits.lines(), splits.test(), RetailBenchmark.TEST_CUT);
        for (Split s : List.of(val, test)) describe(s);
        double[] w = fit(val);
        StringBuilder weights = new StringBuilder(String.format("bias %.2f", w[0]));
        for (int j = 0; j < SIGNALS.length; j++) weights.append(String.format(", %s %.2f", SIGNALS[j], w[j + 1]));
        System.out.println("own-items model fitted on validation: " + weights);
        TopKMetrics v = RetailBenchmark.metrics("repeat", ownItemsFirst(val, w), val.split());
        TopKMetrics t = RetailBenchmark.metrics("repeat", ownItemsFirst(test, w), test.split());
        System.out.printf("validation (in sample) NDCG %.4f; test once: HR %.3f P %.3f R %.3f NDCG %.4f MAP %.3f coverage %.3f%n",
                v.ndcg(), t.hr(), t.precision(), t.recall(), t.ndcg(), t.map(), t.coverage());
    }

    /** Where the hybrid's hits come from, the NDCG of a perfect order of own items alone, and each signal's AUC within users. */
    static void describe(Split s) {
        double[] scores = new double[s.m().items()];
        double truthSize = 0, ownInTruth = 0, ownInList = 0, ownHits = 0, otherHits = 0, oracle = 0;
        double[] auc = new double[SIGNALS.length];
        int users = 0, ranked = 0;
        for (var t : s.split().test().entrySet()) {
            int u = t.getKey();
            Set<Integer> truth = t.getValue();
            int[] own = s.m().itemsOf(u);
            Set<Integer> ownSet = new HashSet<>();
            for (int i : own) ownSet.add(i);
            users++;
            truthSize += truth.size();
            int rebought = 0;
            for (int i : truth) if (ownSet.contains(i)) rebought++;
            ownInTruth += rebought;
            s.hybrid().score(u, scores);
            for (int i : TopK.of(scores, 10, null)) {
                boolean isOwn = ownSet.contains(i);
                if (isOwn) ownInList++;
                if (truth.contains(i)) {
                    if (isOwn) ownHits++;
                    else otherHits++;
                }
            }
            oracle += dcg(Math.min(rebought, 10)) / dcg(Math.min(truth.size(), 10));
            if (rebought == 0 || rebought == own.length) continue;
            ranked++;
            double best = s.bestOwn(u, scores);
            double[][] byItem = new double[own.length][];
            for (int k = 0; k < own.length; k++) byItem[k] = s.signals(u, k, scores, best);
            for (int j = 0; j < SIGNALS.length; j++) {
                double[] values = new double[own.length];
                for (int k = 0; k < own.length; k++) values[k] = byItem[k][j];
                // fewer days since the item last sold is the better sign
                auc[j] += auc(j == 6 ? negate(values) : values, own, truth);
            }
        }
        System.out.printf("%s: %d users, truth %.1f items of which %.3f their own; the hybrid's top 10: %.2f own items, "
                        + "hits %.2f own + %.2f others; own items in a perfect order alone: NDCG %.4f%n", s.name(), users,
                truthSize / users, ownInTruth / truthSize, ownInList / users, ownHits / users, otherHits / users, oracle / users);
        StringBuilder b = new StringBuilder(s.name() + ": AUC within each customer's own items (" + ranked + " customers):");
        for (int j = 0; j < SIGNALS.length; j++) b.append(String.format(" %s %.3f;", SIGNALS[j], auc[j] / ranked));
        System.out.println(b);
    }

    /** Logistic regression of "bought again in the period" on the signals of own items (a little L2, as the service's). */
    static double[] fit(Split s) {
        List<double[]> rows = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        double[] scores = new double[s.m().items()];
        for (var t : s.split().test().entrySet()) {
            int u = t.getKey();
            s.hybrid().score(u, scores);
            double best = s.bestOwn(u, scores);
            int[] own = s.m().itemsOf(u);
            for (int k = 0; k < own.length; k++) {
                rows.add(withBias(s.signals(u, k, scores, best)));
                labels.add(t.getValue().contains(own[k]));
            }
        }
        boolean[] y = new boolean[labels.size()];
        for (int r = 0; r < y.length; r++) y[r] = labels.get(r);
        return LogisticRegression.fit(rows.toArray(double[][]::new), y, 1e-3, new boolean[SIGNALS.length + 1]);
    }

    /** Own items by the model, ahead of everything else in the hybrid's order (its lists are 95 % own items already). */
    static Scorer ownItemsFirst(Split s, double[] w) {
        return (u, scores) -> {
            s.hybrid().score(u, scores);
            double top = 0;
            for (double v : scores) top = Math.max(top, v);
            double best = s.bestOwn(u, scores);
            int[] own = s.m().itemsOf(u);
            double[] probability = new double[own.length];
            for (int k = 0; k < own.length; k++) probability[k] = LogisticRegression.probability(w, withBias(s.signals(u, k, scores, best)));
            for (int k = 0; k < own.length; k++) scores[own[k]] = top + 1 + probability[k];
        };
    }

    static double auc(double[] values, int[] items, Set<Integer> truth) {
        double wins = 0;
        long pairs = 0;
        for (int p = 0; p < items.length; p++) {
            if (!truth.contains(items[p])) continue;
            for (int q = 0; q < items.length; q++) {
                if (truth.contains(items[q])) continue;
                pairs++;
                wins += values[p] > values[q] ? 1 : values[p] == values[q] ? 0.5 : 0;
            }
        }
        return wins / pairs;
    }

    private static double dcg(int hitsAtTop) {
        double d = 0;
        for (int rank = 0; rank < hitsAtTop; rank++) d += 1 / (Math.log(rank + 2) / Math.log(2));
        return d;
    }

    private static double[] negate(double[] values) {
        double[] out = new double[values.length];
        for (int k = 0; k < values.length; k++) out[k] = -values[k];
        return out;
    }

    private static double[] withBias(double[] x) {
        double[] out = new double[x.length + 1];
        out[0] = 1;
        System.arraycopy(x, 0, out, 1, x.length);
        return out;
    }
}
