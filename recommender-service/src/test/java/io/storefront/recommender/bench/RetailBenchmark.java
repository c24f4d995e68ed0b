package io.storefront.recommender.bench;

import io.storefront.recommender.domain.eval.Interactions;
import io.storefront.recommender.domain.eval.RetailData;
import io.storefront.recommender.domain.eval.TemporalSplit;
import io.storefront.recommender.domain.eval.TopKMetrics;
import io.storefront.recommender.domain.model.EaseR;
import io.storefront.recommender.domain.model.ItemKnn;
import io.storefront.recommender.domain.model.OwnHistory;
import io.storefront.recommender.domain.model.Popularity;
import io.storefront.recommender.domain.model.Scorer;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The shared offline protocol on UCI Online Retail (see ../shared/data/README.md): train before
 * 2011-09-01, test after, top-10 lists in the variants "new" (bought items excluded) and "repeat".
 * Run by {@code bench/recommender.sh}.
 */
public final class RetailBenchmark {

    /** The protocol's cuts: tune on training before the first, validated up to the second; test from the second on. */
    static final LocalDateTime VALIDATION_CUT = LocalDateTime.of(2011, 6, 1, 0, 0);
    static final LocalDateTime TEST_CUT = LocalDateTime.of(2011, 9, 1, 0, 0);

    /** The cleaned lines of a CSV of Online Retail and the protocol's validation and test splits. */
    record Splits(List<RetailData.Line> lines, TemporalSplit validation, TemporalSplit test) {
        static Splits read(String csv) {
            List<RetailData.Line> lines = RetailData.read(Path.of(csv));
            return new Splits(lines, TemporalSplit.of(lines, VALIDATION_CUT, TEST_CUT), TemporalSplit.of(lines, TEST_CUT, null));
        }
    }

    public static void main(String[] args) {
        Path csv = Path.of(args.length > 0 ? args[0] : "../shared/data/retail/online_retail.csv");
        long start = System.nanoTime();
        List<RetailData.Line> lines = RetailData.read(csv);
        Set<String> customers = new HashSet<>();
        Set<String> items = new HashSet<>();
        Set<String> invoices = new HashSet<>();
        for (RetailData.Line l : lines) {
            customers.add(l.customer());
            items.add(l.item());
            invoices.add(l.invoice());
        }
        System.out.printf("cleaned: %d lines, %d customers, %d items, %d invoices (%.1f s)%n", lines.size(),
                customers.size(), items.size(), invoices.size(), (System.nanoTime() - start) / 1e9);
        TemporalSplit split = TemporalSplit.of(lines, LocalDateTime.of(2011, 9, 1, 0, 0), null);
        Interactions m = split.train();
        System.out.printf("train: %d users, %d items, %d pairs; test users %d%n", m.users(), m.items(), m.pairs(),
                split.test().size());

        Map<String, Function<Interactions, Scorer>> newModels = new LinkedHashMap<>();
        newModels.put("global popularity", Popularity::new);
        newModels.put("item-kNN cosine, k=10", x -> new ItemKnn(x, 10));
        newModels.put("EASE^R, lambda=500", x -> new EaseR(x, 500));
        Map<String, Function<Interactions, Scorer>> repeatModels = new LinkedHashMap<>();
        repeatModels.put("EASE^R, lambda=200", x -> new EaseR(x, 200));
        repeatModels.put("own history + popularity fill", x -> new OwnHistory(x, new Popularity(x)));

        System.out.println("| variant | method | users | HR@10 | P@10 | R@10 | NDCG@10 | MAP@10 | coverage | seconds |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (var e : newModels.entrySet()) evaluate("new", e.getKey(), e.getValue(), split);
        for (var e : repeatModels.entrySet()) evaluate("repeat", e.getKey(), e.getValue(), split);
    }

    static void evaluate(String variant, String name, Function<Interactions, Scorer> build, TemporalSplit split) {
        long start = System.nanoTime();
        TopKMetrics metrics = metrics(variant, build.apply(split.train()), split);
        System.out.printf("| %s | %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.1f |%n", variant, name,
                metrics.users(), metrics.hr(), metrics.precision(), metrics.recall(), metrics.ndcg(), metrics.map(),
                metrics.coverage(), (System.nanoTime() - start) / 1e9);
    }

    /** Top-10 metrics of a scorer over the split's test users; "new" excludes what each user bought in training. */
    static TopKMetrics metrics(String variant, Scorer scorer, TemporalSplit split) {
        return io.storefront.recommender.domain.eval.OfflineEvaluation.metrics(variant, scorer, split);
    }
}
