package io.storefront.recommender.domain.eval;

import io.storefront.recommender.domain.model.CoPurchase;
import io.storefront.recommender.domain.model.NewItemsLearning;
import io.storefront.recommender.domain.model.Popularity;
import io.storefront.recommender.domain.model.Recommender;
import io.storefront.recommender.domain.model.Scorer;
import io.storefront.recommender.domain.model.TopK;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The shared offline protocol on any store's purchases: train on everything before {@code cut}, test on
 * what each customer bought from then on; top-10 lists in the variants "new" (items the customer bought
 * before are excluded from the list and the truth) and "repeat" (no exclusion); HR, precision, recall,
 * NDCG, MAP at 10 and catalogue coverage. Baselines (popularity, item-kNN) run beside the service's hybrid.
 * Used by the evaluation endpoint, the command line ({@code bin/evaluate-recommender}) and the benchmarks.
 */
public final class OfflineEvaluation {

    /** One line of the report. */
    public record Row(String variant, String method, int users, double hr, double precision, double recall, double ndcg,
                      double map, double coverage, double seconds) {
    }

    /**
     * What a run needs beyond the events: item text for the content source, the hybrid's settings, and its
     * weights for lists without what the user bought (the "new" variant ranks by those).
     */
    public record Setup(Map<String, Recommender.Item> catalogue, Recommender.Settings settings,
                        Recommender.Settings newItems, NewItemsLearning.Options learning) {
    }

    /** The report, and how the new-items weights were learned on the training data (null when not learned). */
    public record Result(List<Row> rows, NewItemsLearning.Report learning) {
    }

    private OfflineEvaluation() {
    }

    public static Result run(List<Interactions.Event> events, LocalDateTime cut, LocalDateTime end, Setup setup) {
        TemporalSplit split = TemporalSplit.ofEvents(events, cut, end);
        if (split.test().isEmpty()) {
            throw new IllegalArgumentException("no customer bought anything after " + cut.toLocalDate()
                    + " that they or others bought before: choose a cut with purchases on both sides");
        }
        // as the service does at each build: the new-items weights learned on the training data alone
        NewItemsLearning.Outcome learned = setup.learning().enabled()
                ? NewItemsLearning.learn(events, cut.minusDays(setup.learning().holdoutDays()), cut,
                        id -> item(setup, id), Map.of(), Map.of(), setup.settings(), setup.newItems(),
                        setup.learning().maxCustomers())
                : null;
        Recommender.Blend blend = learned == null ? null : learned.blend();
        Map<String, BiFunction<Interactions, String, Scorer>> methods = new LinkedHashMap<>();
        methods.put("popularity", (m, variant) -> new Popularity(m));
        methods.put("item-kNN (co-purchase cosine, 50 neighbours)", (m, variant) -> coPurchaseScorer(m, 50));
        methods.put("hybrid (the service's model)", (m, variant) -> variant.equals("new")
                ? hybrid(m, setup, blend, cut).newItemsScorer() : hybrid(m, setup, blend, cut));
        List<Row> rows = new ArrayList<>();
        for (String variant : List.of("new", "repeat")) {
            for (var method : methods.entrySet()) {
                long start = System.nanoTime();
                TopKMetrics t = metrics(variant, method.getValue().apply(split.train(), variant), split);
                rows.add(new Row(variant, method.getKey(), t.users(), round(t.hr()), round(t.precision()), round(t.recall()),
                        round(t.ndcg()), round(t.map()), round(t.coverage()), round((System.nanoTime() - start) / 1e9)));
            }
        }
        return new Result(rows, learned == null ? null : learned.report());
    }

    /** Top-10 metrics of a scorer over the split's test users; "new" excludes what each user bought in training. */
    public static TopKMetrics metrics(String variant, Scorer scorer, TemporalSplit split) {
        Interactions m = split.train();
        TopKMetrics metrics = new TopKMetrics(10, m.items());
        double[] scores = new double[m.items()];
        for (var t : split.test().entrySet()) {
            int user = t.getKey();
            BitSet exclude = null;
            Set<Integer> truth = t.getValue();
            if (variant.equals("new")) {
                exclude = new BitSet();
                for (int i : m.itemsOf(user)) exclude.set(i);
                Set<Integer> fresh = new HashSet<>();
                for (int i : truth) if (!exclude.get(i)) fresh.add(i);
                if (fresh.isEmpty()) continue;
                truth = fresh;
            }
            scorer.score(user, scores);
            metrics.add(TopK.of(scores, 10, exclude), truth);
        }
        return metrics;
    }

    /** Item-kNN that scales to large catalogues: the user's items push their co-purchase neighbours' scores. */
    static Scorer coPurchaseScorer(Interactions m, int neighbours) {
        CoPurchase co = new CoPurchase(m, neighbours);
        io.storefront.recommender.domain.model.Candidates touched = new io.storefront.recommender.domain.model.Candidates(m.items());
        return (user, scores) -> {
            java.util.Arrays.fill(scores, 0);
            for (int i : m.itemsOf(user)) co.spread(i, 1, scores, touched);
            touched.clear();
        };
    }

    static Recommender hybrid(Interactions m, Setup setup, Recommender.Blend newItemsBlend, LocalDateTime cut) {
        List<Recommender.Item> items = new ArrayList<>(m.items());
        for (int i = 0; i < m.items(); i++) items.add(item(setup, m.itemId(i)));
        return new Recommender(m, items, Map.of(), Map.of(), setup.settings(), setup.newItems(), newItemsBlend, cut);
    }

    private static Recommender.Item item(Setup setup, String id) {
        Recommender.Item known = setup.catalogue().get(id);
        return known != null ? known : new Recommender.Item(id, id, "", "", "", 0, true);
    }

    private static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
