package io.storefront.recommender.domain.model;

import io.storefront.commons.stats.LogisticRegression;
import io.storefront.recommender.domain.eval.Interactions;
import io.storefront.recommender.domain.eval.TemporalSplit;
import io.storefront.recommender.domain.eval.TopKMetrics;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The blend of lists that leave out what a user bought, learned from the store's own purchases at each
 * model build. A model is built on everything before a cut some months back; for customers who bought
 * something new after it, each candidate's terms ({@link Recommender.Term}) and their square roots are the
 * features and "bought it after the cut" the label of a logistic regression. Stores differ in what predicts a
 * first purchase (on Online Retail sales drift and steady sellers fade; a store without drift has neither), so
 * the configured weights are only the fallback: the learned blend is used when it ranks a third of the
 * customers, kept out of the fit, better than they do — and still shows them at least half as many different
 * products: a blend that leans on what sells to everyone can gain a little NDCG by giving every customer
 * the same list, which is not what a shop wants from "new for you".
 */
public final class NewItemsLearning {

    /** What a learning run did, for the model status. */
    public record Report(String cut, int customers, int fittedOn, int checkedOn, int rows,
                         Map<String, Recommender.Blend.TermWeights> blend, double learnedNdcg, double configuredNdcg,
                         double learnedCoverage, double configuredCoverage, boolean adopted, String note) {
    }

    /** The blend to use for new-items lists (null: the configured weights) and how it was found. */
    public record Outcome(Recommender.Blend blend, Report report) {
    }

    /**
     * Whether to learn, how far back the cut lies (what was bought in the last {@code holdoutDays} is the label)
     * and how many customers at most are read.
     */
    public record Options(boolean enabled, int holdoutDays, int maxCustomers) {
        public static final Options DEFAULT = new Options(true, 90, 2000);
        public static final Options OFF = new Options(false, 90, 2000);
    }

    /** The share of the configured lists' distinct products the learned lists must keep to be used. */
    static final double MIN_COVERAGE_SHARE = 0.5;
    /** Below this many customers with something new after the cut, there is too little to learn from. */
    static final int MIN_CUSTOMERS = 30;
    /** Share of the non-bought candidates kept as negative rows: enough for a handful of weights, a tenth of the memory. */
    static final double NEGATIVE_SHARE = 0.1;
    static final double LAMBDA = 1.0;
    private static final long SEED = 42;

    private NewItemsLearning() {
    }

    /**
     * Learns from {@code before}, a model built on the purchases before {@code split}'s cut ({@code cut}) with
     * {@link Recommender.Blend#everyTerm} for new-items lists; {@code split.test()} holds what each customer
     * bought after. At most {@code maxCustomers} customers, drawn at random, are read.
     */
    static Outcome learn(Recommender before, TemporalSplit split, LocalDateTime cut, Recommender.Settings configured,
                         int maxCustomers) {
        List<Map.Entry<Integer, Set<Integer>>> drawn = new ArrayList<>();
        for (var t : split.test().entrySet()) {
            Set<Integer> fresh = new HashSet<>(t.getValue());
            for (int i : split.train().itemsOf(t.getKey())) fresh.remove(i);
            if (!fresh.isEmpty()) drawn.add(Map.entry(t.getKey(), fresh));
        }
        Collections.shuffle(drawn, new Random(SEED));
        if (drawn.size() > maxCustomers) drawn = drawn.subList(0, maxCustomers);
        if (drawn.size() < MIN_CUSTOMERS) {
            return new Outcome(null, new Report(cut.toLocalDate().toString(), drawn.size(), 0, 0, 0, Map.of(), 0, 0, 0, 0,
                    false, "fewer than " + MIN_CUSTOMERS + " customers bought something new after the cut: the configured "
                    + "weights are used"));
        }
        // two thirds fit the weights, the last third decides whether they beat the configured ones
        int fitted = drawn.size() * 2 / 3;
        SplittableRandom random = new SplittableRandom(SEED);
        List<double[]> rows = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (Map.Entry<Integer, Set<Integer>> customer : drawn.subList(0, fitted)) {
            Recommender.TermRows candidates = before.newItemsTerms(customer.getKey());
            for (int r = 0; r < candidates.items().length; r++) {
                boolean bought = customer.getValue().contains(candidates.items()[r]);
                if (!bought && random.nextDouble() >= NEGATIVE_SHARE) continue;
                rows.add(features(candidates.terms(), r * Recommender.TermRows.WIDTH));
                labels.add(bought);
            }
        }
        Recommender.Blend learned = fit(rows, labels);
        int fittedRows = rows.size();
        // the rows can go before the held-out customers are read, and those are read one at a time: at a million
        // lines each customer's candidates take tens of kilobytes
        rows = null;
        Recommender.Blend configuredBlend = Recommender.Blend.of(configured);
        TopKMetrics learnedMetrics = new TopKMetrics(10, before.items());
        TopKMetrics configuredMetrics = new TopKMetrics(10, before.items());
        for (Map.Entry<Integer, Set<Integer>> customer : drawn.subList(fitted, drawn.size())) {
            Recommender.TermRows candidates = before.newItemsTerms(customer.getKey());
            learnedMetrics.add(top10(candidates, learned), customer.getValue());
            configuredMetrics.add(top10(candidates, configuredBlend), customer.getValue());
        }
        double learnedNdcg = learnedMetrics.ndcg();
        double configuredNdcg = configuredMetrics.ndcg();
        boolean better = learnedNdcg > configuredNdcg;
        boolean adopted = worthUsing(learnedMetrics, configuredMetrics);
        String note = adopted ? "the learned blend ranks the held-out customers better and is used"
                : !better ? "the learned blend does not rank the held-out customers better: the configured weights are used"
                : "the learned blend ranks the held-out customers better but shows them fewer than half as many different "
                + "products: the configured weights are used";
        return new Outcome(adopted ? learned : null,
                new Report(cut.toLocalDate().toString(), drawn.size(), fitted, drawn.size() - fitted, fittedRows,
                        learned.describe(), round(learnedNdcg), round(configuredNdcg), round(learnedMetrics.coverage()),
                        round(configuredMetrics.coverage()), adopted, note));
    }

    /**
     * Learns from a store's {@code events} (what counts as a purchase; before {@code cut} the model's history,
     * from it on, up to {@code end} when given, the labels); {@code item} tells what each product is.
     */
    public static Outcome learn(List<Interactions.Event> events, LocalDateTime cut, LocalDateTime end,
                                Function<String, Recommender.Item> item, Map<String, Recommender.Sentiment> sentiment,
                                Map<String, Recommender.Preferences> preferences, Recommender.Settings settings,
                                Recommender.Settings configured, int maxCustomers) {
        TemporalSplit split = TemporalSplit.ofEvents(events, cut, end);
        List<Recommender.Item> items = new ArrayList<>(split.train().items());
        for (int i = 0; i < split.train().items(); i++) items.add(item.apply(split.train().itemId(i)));
        Recommender before = new Recommender(split.train(), items, sentiment, preferences, settings, configured,
                Recommender.Blend.everyTerm(), cut);
        return learn(before, split, cut, configured, maxCustomers);
    }

    /** A candidate's features: 1 (the intercept), its terms, then their square roots. */
    static double[] features(double[] terms, int from) {
        int width = Recommender.TermRows.WIDTH;
        double[] row = new double[1 + 2 * width];
        row[0] = 1;
        for (int t = 0; t < width; t++) {
            row[1 + t] = terms[from + t];
            row[1 + width + t] = Math.sqrt(Math.max(0, terms[from + t]));
        }
        return row;
    }

    /**
     * The blend whose weights best predict the labels. The weights are left free: a source whose strongest
     * scores say less than its middling ones (a root above zero with a line below) is what the data shows, and
     * the model's prior is lifted so that no candidate scores below zero for it. The repeat term is 0 for items
     * the customer never bought, so it has no weight here.
     */
    static Recommender.Blend fit(List<double[]> rows, List<Boolean> labels) {
        double[][] x = rows.toArray(double[][]::new);
        boolean[] y = new boolean[labels.size()];
        for (int r = 0; r < y.length; r++) y[r] = labels.get(r);
        int width = Recommender.TermRows.WIDTH;
        boolean[] fixed = new boolean[1 + 2 * width];
        fixed[1 + Recommender.Term.REPEAT.ordinal()] = true;
        fixed[1 + width + Recommender.Term.REPEAT.ordinal()] = true;
        double[] w = LogisticRegression.fit(x, y, LAMBDA, fixed);
        return new Recommender.Blend(java.util.Arrays.copyOfRange(w, 1, 1 + width),
                java.util.Arrays.copyOfRange(w, 1 + width, 1 + 2 * width));
    }

    /** Whether the learned lists are worth using: ranked better, and showing at least half as many different products. */
    public static boolean worthUsing(TopKMetrics learned, TopKMetrics configured) {
        return learned.ndcg() > configured.ndcg() && learned.coverage() >= MIN_COVERAGE_SHARE * configured.coverage();
    }

    /** The ten candidates {@code blend} ranks first. */
    static int[] top10(Recommender.TermRows candidates, Recommender.Blend blend) {
        double[] scores = new double[candidates.items().length];
        for (int r = 0; r < scores.length; r++) scores[r] = blend.score(candidates.terms(), r * Recommender.TermRows.WIDTH);
        int[] top = TopK.of(scores, 10, null);
        int[] items = new int[top.length];
        for (int r = 0; r < top.length; r++) items[r] = candidates.items()[top[r]];
        return items;
    }

    private static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
