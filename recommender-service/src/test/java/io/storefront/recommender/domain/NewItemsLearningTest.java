package io.storefront.recommender.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storefront.recommender.domain.eval.Interactions;
import io.storefront.recommender.domain.eval.TopKMetrics;
import io.storefront.recommender.domain.model.NewItemsLearning;
import io.storefront.recommender.domain.model.Recommender;
import io.storefront.recommender.domain.model.Recommender.Blend;
import io.storefront.recommender.domain.model.Recommender.Term;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Learning the new-items blend from a store's own purchases, and the pieces it stands on (plain JUnit). */
class NewItemsLearningTest {

    private static final LocalDateTime CUT = LocalDateTime.of(2026, 8, 1, 0, 0);

    @Test
    void aBlendWeighsEachTermAndItsRootAndKnowsHowLowATermCanGo() {
        double[] linear = new double[Term.values().length];
        double[] root = new double[Term.values().length];
        linear[Term.CONTENT.ordinal()] = 2;
        root[Term.CONTENT.ordinal()] = -1;
        linear[Term.BUYERS.ordinal()] = 0.5;
        Blend blend = new Blend(linear, root);
        assertEquals(2 * 0.25 - 0.5, blend.apply(Term.CONTENT, 0.25), 1e-12);
        double[] terms = new double[Term.values().length];
        terms[Term.CONTENT.ordinal()] = 0.81;
        terms[Term.BUYERS.ordinal()] = 0.4;
        terms[Term.POPULARITY.ordinal()] = 1;
        assertEquals(2 * 0.81 - 0.9 + 0.5 * 0.4, blend.score(terms, 0), 1e-12, "unweighted terms add nothing");
        assertTrue(blend.uses(Term.CONTENT) && blend.uses(Term.BUYERS) && !blend.uses(Term.POPULARITY));
        // 2x − √x is lowest at √x = 1/4: 2/16 − 1/4
        assertEquals(-0.125, lowest(blend, Term.CONTENT), 1e-12);
        assertEquals(0, lowest(blend, Term.BUYERS), 1e-12);
    }

    /** The blend's lowest over [0, 1], by its own formula, checked against a fine grid. */
    private static double lowest(Blend blend, Term t) {
        double grid = 0;
        for (int i = 0; i <= 10_000; i++) grid = Math.min(grid, blend.apply(t, i / 10_000.0));
        double fromBlend = blend.lowest(t);
        assertEquals(grid, fromBlend, 1e-6);
        return fromBlend;
    }

    /**
     * A store where a few new products took off just before the cut while old best sellers faded, and what
     * customers bought next is the new ones: the configured weights (popularity first) miss them, the learned
     * blend finds that recent sales predict, and the model built with it puts a rising product first.
     */
    @Test
    void aStoreWhoseCustomersBuyWhatTookOffLatelyLearnsToRankItFirst() {
        Random random = new Random(11);
        List<Interactions.Event> events = new ArrayList<>();
        for (int c = 0; c < 300; c++) {
            String customer = "c" + c;
            for (int k = 0; k < 5; k++) {
                events.add(buy(customer, "other" + random.nextInt(30), CUT.minusDays(100 + random.nextInt(200))));
            }
            if (c < 200) events.add(buy(customer, "fading" + c % 5, CUT.minusDays(100 + random.nextInt(10))));
            if (c >= 200 && c < 230) events.add(buy(customer, "rising" + c % 5, CUT.minusDays(5 + random.nextInt(10))));
            // after the cut: the first 150 customers try the new products
            if (c < 150) events.add(buy(customer, "rising" + random.nextInt(5), CUT.plusDays(5 + random.nextInt(30))));
        }
        Map<String, Recommender.Item> catalog = new java.util.HashMap<>();
        for (var e : events) catalog.putIfAbsent(e.item(), new Recommender.Item(e.item(), "Product " + e.item(), "", "Home", "Home", 10, true));
        NewItemsLearning.Outcome outcome = NewItemsLearning.learn(events, CUT, null, catalog::get, Map.of(), Map.of(),
                Recommender.Settings.DEFAULT, Recommender.Settings.DEFAULT_NEW_ITEMS, 2000);

        NewItemsLearning.Report report = outcome.report();
        assertEquals(150, report.customers(), "those who bought something new after the cut");
        assertEquals(100, report.fittedOn());
        assertTrue(report.learnedNdcg() > report.configuredNdcg() + 0.2, report.toString());
        assertTrue(report.adopted());
        assertNotNull(outcome.blend());
        assertTrue(outcome.blend().apply(Term.RECENT_SALES, 1) > outcome.blend().apply(Term.POPULARITY, 1), report.toString());

        List<Interactions.Event> before = events.stream().filter(e -> e.time().isBefore(CUT)).toList();
        Interactions m = Interactions.of(before, List.of());
        List<Recommender.Item> items = new ArrayList<>();
        for (int i = 0; i < m.items(); i++) items.add(catalog.get(m.itemId(i)));
        Recommender learned = new Recommender(m, items, Map.of(), Map.of(), Recommender.Settings.DEFAULT,
                Recommender.Settings.DEFAULT_NEW_ITEMS, outcome.blend(), CUT);
        Recommender configured = new Recommender(m, items, Map.of(), Map.of(), Recommender.Settings.DEFAULT,
                Recommender.Settings.DEFAULT_NEW_ITEMS, CUT);
        Recommender.Filter newItems = new Recommender.Filter(null, java.util.Set.of(), true, false);
        var first = learned.forUser("c160", 3, newItems).items().get(0);
        assertTrue(first.item().id().startsWith("rising"), first.toString());
        assertTrue(first.reasons().contains("selling more lately"), first.reasons().toString());
        assertTrue(first.score() > 0);
        assertFalse(configured.forUser("c160", 1, newItems).items().get(0).item().id().startsWith("rising"),
                "the configured weights rank the old best sellers first");
        assertEquals(10, learned.forUser("c160", 10, newItems).items().size(), "a lifted blend leaves no candidate below 0");
    }

    @Test
    void aBlendThatGivesEveryoneTheSameListIsNotUsedForALittleMoreNdcg() {
        TopKMetrics sameForAll = new TopKMetrics(10, 1000);
        TopKMetrics varied = new TopKMetrics(10, 1000);
        for (int c = 0; c < 100; c++) {
            java.util.Set<Integer> bought = java.util.Set.of(0, 100 + c);
            sameForAll.add(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, bought);
            varied.add(new int[] {100 + c, 200 + c, 300 + c, 400 + c, 500 + c, 600 + c, 700 + c, 800 + c, 900 + c, 10 + c % 5},
                    c % 2 == 0 ? bought : java.util.Set.of(999));
        }
        assertTrue(sameForAll.ndcg() > varied.ndcg(), sameForAll.ndcg() + " vs " + varied.ndcg());
        assertFalse(NewItemsLearning.worthUsing(sameForAll, varied), "10 products for everyone against 905");
        TopKMetrics missing = new TopKMetrics(10, 1000);
        for (int c = 0; c < 100; c++) missing.add(new int[] {990, 991, 992, 993, 994, 995, 996, 997, 998, 999}, java.util.Set.of(0));
        assertTrue(NewItemsLearning.worthUsing(sameForAll, missing), "better than lists that find nothing, and as varied");
    }

    @Test
    void tooFewCustomersKeepTheConfiguredWeights() {
        List<Interactions.Event> events = new ArrayList<>();
        events.add(buy("z", "b", CUT.minusDays(40)));
        for (int c = 0; c < 10; c++) {
            events.add(buy("c" + c, "a", CUT.minusDays(20)));
            events.add(buy("c" + c, "b", CUT.plusDays(3)));
        }
        NewItemsLearning.Outcome outcome = NewItemsLearning.learn(events, CUT, null,
                id -> new Recommender.Item(id, id, "", "", "", 0, true), Map.of(), Map.of(), Recommender.Settings.DEFAULT,
                Recommender.Settings.DEFAULT_NEW_ITEMS, 2000);
        assertNull(outcome.blend());
        assertFalse(outcome.report().adopted());
        assertEquals(10, outcome.report().customers());
        assertTrue(outcome.report().note().startsWith("fewer than 30 customers"), outcome.report().note());

        // a store younger than the holdout: nothing before the cut to build on
        List<Interactions.Event> young = events.stream().filter(e -> e.time().isAfter(CUT)).toList();
        NewItemsLearning.Outcome none = NewItemsLearning.learn(young, CUT, null,
                id -> new Recommender.Item(id, id, "", "", "", 0, true), Map.of(), Map.of(), Recommender.Settings.DEFAULT,
                Recommender.Settings.DEFAULT_NEW_ITEMS, 2000);
        assertNull(none.blend());
        assertEquals(0, none.report().customers());
    }

    private static Interactions.Event buy(String customer, String item, LocalDateTime at) {
        return new Interactions.Event(customer, item, customer + "@" + at.toLocalDate(), at, 1);
    }
}
