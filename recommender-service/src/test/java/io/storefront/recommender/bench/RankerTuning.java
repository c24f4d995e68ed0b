package io.storefront.recommender.bench;

import io.storefront.recommender.domain.eval.Interactions;
import io.storefront.recommender.domain.eval.RetailData;
import io.storefront.recommender.domain.eval.TemporalSplit;
import io.storefront.recommender.domain.eval.TopKMetrics;
import io.storefront.recommender.domain.model.Candidates;
import io.storefront.recommender.domain.model.CoPurchase;
import io.storefront.recommender.domain.model.ContentIndex;
import io.storefront.recommender.domain.model.EaseR;
import io.storefront.commons.stats.LogisticRegression;
import io.storefront.recommender.domain.model.SimilarCustomers;
import io.storefront.recommender.domain.model.TopK;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A learned ranker over the candidate sources: logistic regression on features of (user, item) —
 * own purchases and their recency, how often the item is re-bought by anyone, popularity, co-purchase,
 * EASE^R and text scores — fitted on the validation split (features before 2011-06-01, labels from then
 * to 2011-09-01), then applied once to the test split (features before 2011-09-01).
 */
public final class RankerTuning {

    /**
     * The service-sized variant: EASE^R over only the most bought items (-Dranker.ease-items=1000, 0 = all, as
     * first measured) and the similar customers' scores as two more features (-Dranker.customers=true).
     */
    static final int EASE_ITEMS = Integer.getInteger("ranker.ease-items", 0);
    static final boolean CUSTOMERS = Boolean.getBoolean("ranker.customers");
    static final int FEATURES = CUSTOMERS ? 21 : 19;
    /** Features left out (-Ddrop=9,10), to see what each adds. */
    static final int[] DROPPED = java.util.Arrays.stream(System.getProperty("drop", "").split(","))
            .filter(x -> !x.isBlank()).mapToInt(Integer::parseInt).toArray();

    public static void main(String[] args) {
        RetailBenchmark.Splits splits = RetailBenchmark.Splits.read(args[0]);
        List<RetailData.Line> lines = splits.lines();
        TemporalSplit val = splits.validation(), test = splits.test();
        LocalDateTime valCut = RetailBenchmark.VALIDATION_CUT, testCut = RetailBenchmark.TEST_CUT;
        Sources valSources = new Sources(val.train(), lines, valCut);
        Sources testSources = new Sources(test.train(), lines, testCut);
        for (String variant : List.of("repeat", "new")) {
            boolean fresh = variant.equals("new");
            double[] w = fit(valSources, val, fresh);
            System.out.printf("%s weights %s%n", variant, Arrays.toString(Arrays.stream(w).map(x -> Math.round(x * 1000) / 1000.0).toArray()));
            TopKMetrics v = evaluate(valSources, val, fresh, w);
            TopKMetrics t = evaluate(testSources, test, fresh, w);
            System.out.printf("%s: validation NDCG %.4f; | %s | learned ranker | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
                    variant, v.ndcg(), variant, t.users(), t.hr(), t.precision(), t.recall(), t.ndcg(), t.map(), t.coverage());
        }
    }

    /** Everything the features read, computed once per training matrix. */
    static final class Sources {
        final Interactions m;
        final LocalDateTime now;
        final CoPurchase co;
        final EaseR ease;
        final SimilarCustomers customers;
        final ContentIndex content;
        final double[] itemRepeat;
        final double[] logBuyers;
        final double[] pop30;
        final double[] pop90;

        Sources(Interactions m, List<RetailData.Line> lines, LocalDateTime now) {
            this.m = m;
            this.now = now;
            this.co = new CoPurchase(m, 100);
            this.ease = EASE_ITEMS > 0 ? new EaseR(m, 250, EaseR.Weighting.BINARY, EaseR.mostBought(m, EASE_ITEMS))
                    : new EaseR(m, 250);
            this.customers = CUSTOMERS ? new SimilarCustomers(m) : null;
            Map<String, Map<String, Integer>> names = new HashMap<>();
            for (RetailData.Line l : lines) {
                if (l.time().isBefore(now)) names.computeIfAbsent(l.item(), k -> new HashMap<>()).merge(l.description(), 1, Integer::sum);
            }
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < m.items(); i++) {
                texts.add(names.getOrDefault(m.itemId(i), Map.of()).entrySet().stream().max(Map.Entry.comparingByValue())
                        .map(Map.Entry::getKey).orElse(""));
            }
            this.content = new ContentIndex(texts);
            int n = m.items();
            itemRepeat = new double[n];
            logBuyers = new double[n];
            pop30 = new double[n];
            pop90 = new double[n];
            int[] buyers = new int[n];
            int[] repeaters = new int[n];
            for (int u = 0; u < m.users(); u++) {
                int[] its = m.itemsOf(u);
                for (int k = 0; k < its.length; k++) {
                    buyers[its[k]]++;
                    if (m.strengthsOf(u)[k] >= 2) repeaters[its[k]]++;
                    double days = days(m.lastBoughtOf(u)[k]);
                    pop30[its[k]] += Math.pow(0.5, days / 30);
                    pop90[its[k]] += Math.pow(0.5, days / 90);
                }
            }
            double max30 = Arrays.stream(pop30).max().orElse(1);
            double max90 = Arrays.stream(pop90).max().orElse(1);
            double maxLog = Math.log1p(Arrays.stream(buyers).max().orElse(1));
            for (int j = 0; j < n; j++) {
                itemRepeat[j] = (repeaters[j] + 1.0) / (buyers[j] + 5.0);
                logBuyers[j] = Math.log1p(buyers[j]) / maxLog;
                pop30[j] /= max30;
                pop90[j] /= max90;
            }
        }

        double days(LocalDateTime t) {
            return Math.max(0, Duration.between(t, now).toHours() / 24.0);
        }

        /** Candidates and their feature rows for one user. */
        Candidate[] candidates(int u, boolean fresh) {
            int n = m.items();
            int[] its = m.itemsOf(u);
            double[] strength = m.strengthsOf(u);
            LocalDateTime[] last = m.lastBoughtOf(u);
            double[] cf = new double[n];
            Candidates touched = new Candidates(n);
            for (int k = 0; k < its.length; k++) co.spread(its[k], 1, cf, touched);
            double[] easeScores = new double[n];
            ease.score(u, easeScores);
            double[] text = new double[n];
            double[] weights = new double[its.length];
            Arrays.fill(weights, 1);
            content.score(content.profile(its, weights, List.of(), 0, 30), 1, text);
            BitSet owned = new BitSet();
            for (int i : its) owned.set(i);
            Set<Integer> pool = new HashSet<>();
            if (!fresh) for (int i : its) pool.add(i);
            BitSet excluded = fresh ? owned : null;
            for (int j : TopK.of(cf, 100, excluded)) pool.add(j);
            for (int j : TopK.of(easeScores, 100, excluded)) pool.add(j);
            for (int j : TopK.of(text, 50, excluded)) pool.add(j);
            for (int j : TopK.of(pop30, 50, excluded)) pool.add(j);
            double[] alike = new double[n];
            if (customers != null) {
                customers.spread(u, 150, n, alike, new Candidates(n), customers.work());
                for (int j : TopK.of(alike, 100, excluded)) pool.add(j);
            }
            double maxCf = max(cf), maxEase = max(easeScores), maxText = max(text), maxAlike = max(alike);
            double userRepeat = 0;
            double latest = Double.MAX_VALUE;
            for (int k = 0; k < its.length; k++) {
                if (strength[k] >= 2) userRepeat++;
                latest = Math.min(latest, days(last[k]));
            }
            userRepeat /= Math.max(1, its.length);
            double userSize = Math.log1p(its.length) / Math.log1p(500);
            Candidate[] out = new Candidate[pool.size()];
            int c = 0;
            for (int j : pool) {
                int k = Arrays.binarySearch(its, j);
                boolean own = k >= 0;
                double ownLog = own ? Math.log1p(strength[k]) : 0;
                double rec30 = own ? Math.pow(0.5, days(last[k]) / 30) : 0;
                double rec180 = own ? Math.pow(0.5, days(last[k]) / 180) : 0;
                double o = own ? 1 : 0;
                double cfs = cf[j] / maxCf, es = Math.max(0, easeScores[j]) / maxEase, ts = text[j] / maxText;
                double[] x = {1, o, ownLog, rec30, rec180, o * itemRepeat[j], o * userRepeat,
                        itemRepeat[j], logBuyers[j], pop30[j], pop90[j], cfs, es, ts, (1 - o) * cfs, (1 - o) * es,
                        userSize, userRepeat, Math.pow(0.5, latest / 60)};
                if (CUSTOMERS) {
                    x = Arrays.copyOf(x, FEATURES);
                    x[19] = alike[j] / maxAlike;
                    x[20] = (1 - o) * alike[j] / maxAlike;
                }
                out[c++] = new Candidate(j, x);
            }
            return out;
        }
    }

    record Candidate(int item, double[] x) {
    }

    static double max(double[] xs) {
        double m = 1e-12;
        for (double x : xs) m = Math.max(m, x);
        return m;
    }

    /** L2-regularised logistic regression by Newton's method on every validation user's candidates. */
    static double[] fit(Sources s, TemporalSplit split, boolean fresh) {
        List<double[]> xs = new ArrayList<>();
        List<Boolean> ys = new ArrayList<>();
        for (var t : split.test().entrySet()) {
            Set<Integer> truth = t.getValue();
            for (Candidate c : s.candidates(t.getKey(), fresh)) {
                xs.add(c.x());
                ys.add(truth.contains(c.item()));
            }
        }
        double lambda = Double.parseDouble(System.getProperty("lambda", "1"));
        boolean[] fixed = new boolean[FEATURES];
        for (int f : DROPPED) fixed[f] = true;
        boolean[] labels = new boolean[ys.size()];
        for (int r = 0; r < labels.length; r++) labels[r] = ys.get(r);
        double[] w = LogisticRegression.fit(xs.toArray(double[][]::new), labels, lambda, fixed);
        System.out.printf("fitted on %d candidate rows (%d positive)%n", xs.size(), ys.stream().filter(b -> b).count());
        return w;
    }

    static TopKMetrics evaluate(Sources s, TemporalSplit split, boolean fresh, double[] w) {
        TopKMetrics metrics = new TopKMetrics(10, s.m.items());
        for (var t : split.test().entrySet()) {
            int u = t.getKey();
            Set<Integer> truth = t.getValue();
            if (fresh) {
                Set<Integer> f = new HashSet<>();
                for (int i : truth) if (Arrays.binarySearch(s.m.itemsOf(u), i) < 0) f.add(i);
                if (f.isEmpty()) continue;
                truth = f;
            }
            Candidate[] cands = s.candidates(u, fresh);
            double[] scores = new double[cands.length];
            for (int c = 0; c < cands.length; c++) {
                double z = 0;
                for (int f = 0; f < FEATURES; f++) z += w[f] * cands[c].x()[f];
                scores[c] = z;
            }
            int[] top = TopK.of(scores, 10, null);
            int[] list = new int[top.length];
            for (int r = 0; r < top.length; r++) list[r] = cands[top[r]].item();
            metrics.add(list, truth);
        }
        return metrics;
    }
}
