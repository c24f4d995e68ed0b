package io.storefront.recommender.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storefront.recommender.domain.catalog.ProductCsv;
import io.storefront.recommender.domain.catalog.ProductInput;
import io.storefront.recommender.domain.eval.Interactions;
import io.storefront.recommender.domain.model.CoPurchase;
import io.storefront.recommender.domain.model.ContentIndex;
import io.storefront.recommender.domain.model.Recommender;
import io.storefront.commons.problem.Problem;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The service's hybrid model and its parts on hand-made stores (plain JUnit). */
class HybridRecommenderTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 1, 0, 0);

    private static Interactions.Event buy(String user, String item, String order, int daysAgo) {
        return new Interactions.Event(user, item, order, NOW.minusDays(daysAgo), 1);
    }

    /** {@code n} customers, each of whom bought {@code item} alone {@code daysAgo}. */
    private static void buyers(List<Interactions.Event> events, String item, int n, int daysAgo) {
        for (int b = 0; b < n; b++) events.add(buy(item + "-buyer-" + b, item, item + "-order-" + b, daysAgo));
    }

    private static Recommender.Item item(String id, String name, String category, String sub, boolean inStock) {
        return new Recommender.Item(id, name, name + " for everyday use", category, sub, 100, inStock);
    }

    private static final List<Recommender.Item> CATALOG = List.of(
            item("shirt", "Linen Shirt", "Clothing", "Shirt", true),
            item("tie", "Silk Tie", "Clothing", "Tie", true),
            item("lamp", "Desk Lamp", "Furniture", "Lamps", true),
            item("shirt2", "Linen Shirt Slim", "Clothing", "Shirt", true),
            item("chair", "Office Chair", "Furniture", "Chairs", false));

    private static Recommender model(List<Interactions.Event> events, Map<String, Recommender.Sentiment> sentiment,
                                     Recommender.Settings settings) {
        List<String> ids = CATALOG.stream().map(Recommender.Item::id).toList();
        return new Recommender(Interactions.of(events, ids), CATALOG, sentiment, Map.of(), settings, NOW);
    }

    @Test
    void strengthCountsDistinctBasketsAndTheStrongestEventInEach() {
        List<Interactions.Event> events = List.of(
                buy("u", "shirt", "o1", 3), buy("u", "shirt", "o1", 3), buy("u", "shirt", "o2", 1),
                new Interactions.Event("u", "tie", "view", NOW.minusDays(2), 0.1),
                new Interactions.Event("u", "tie", "view", NOW.minusDays(1), 0.1),
                new Interactions.Event("u", "tie", "cart", NOW.minusDays(5), 0.3));
        Interactions m = Interactions.of(events, List.of("lamp"));
        assertEquals(0, m.itemIndex("lamp"), "catalogue items come first, even without interactions");
        int u = m.userIndex("u");
        int shirt = java.util.Arrays.binarySearch(m.itemsOf(u), m.itemIndex("shirt"));
        int tie = java.util.Arrays.binarySearch(m.itemsOf(u), m.itemIndex("tie"));
        assertEquals(2.0, m.strengthsOf(u)[shirt], 1e-12, "two orders, one of them with the shirt twice");
        assertEquals(0.4, m.strengthsOf(u)[tie], 1e-12, "the view basket once plus the cart basket");
        assertEquals(NOW.minusDays(1), m.lastBoughtOf(u)[tie]);
    }

    @Test
    void coPurchaseFindsItemsBoughtByTheSameCustomers() {
        List<Interactions.Event> events = new ArrayList<>();
        for (String u : List.of("a", "b", "c")) {
            events.add(buy(u, "shirt", u + "1", 10));
            events.add(buy(u, "tie", u + "1", 10));
        }
        events.add(buy("d", "lamp", "d1", 10));
        events.add(buy("d", "shirt", "d1", 10));
        Interactions m = Interactions.of(events, List.of());
        CoPurchase co = new CoPurchase(m, 10);
        int shirt = m.itemIndex("shirt");
        assertEquals(m.itemIndex("tie"), co.neighbours(shirt)[0]);
        assertEquals(3 / Math.sqrt(4 * 3), co.similarities(shirt)[0], 1e-6, "cosine over buyers");
        assertEquals(3, co.boughtTogether(shirt)[0]);
        assertEquals(1 / Math.sqrt(4 * 1), co.similarity(shirt, m.itemIndex("lamp")), 1e-6);
    }

    @Test
    void contentSimilarityFollowsSharedWordsNotStopWords() {
        ContentIndex index = new ContentIndex(List.of("Linen Shirt linen", "Linen Shirt Slim", "Desk Lamp with the shade",
                "The and with"));
        assertTrue(index.similarity(0, 1) > 0.5);
        assertEquals(0, index.similarity(0, 2), 1e-12);
        assertEquals(0, index.vector(3).terms().length, "only stop words");
        assertEquals(List.of("linen", "shirt"), index.sharedTerms(0, 1, 5).stream().sorted().toList());
    }

    @Test
    void recommendationsExplainThemselvesAndRespectFilters() {
        List<Interactions.Event> events = new ArrayList<>();
        for (String u : List.of("a", "b", "c")) {
            events.add(buy(u, "shirt", u + "1", 30));
            events.add(buy(u, "tie", u + "1", 30));
        }
        events.add(buy("me", "shirt", "m1", 20));
        events.add(buy("me", "shirt", "m2", 2));
        Recommender r = model(events, Map.of(), Recommender.Settings.DEFAULT);
        Recommender.Answer answer = r.forUser("me", 3, Recommender.Filter.NONE);
        assertEquals("history", answer.basis());
        Recommender.Recommendation first = answer.items().get(0);
        assertEquals("shirt", first.item().id(), "a re-buy leads");
        assertEquals("you bought it 2 times, last on 2026-10-30", first.reasons().get(0));
        Recommender.Recommendation tie = answer.items().stream().filter(x -> x.item().id().equals("tie")).findFirst().orElseThrow();
        assertEquals("bought by 3 of the 3 customers who shop most like you", tie.reasons().get(0), tie.reasons().toString());
        // with co-purchase in the blend instead of similar customers, the reason names the item bought with it
        Recommender coPurchase = model(events, Map.of(), Recommender.Settings.DEFAULT.withWeights(1, 0.3, 4, 0.15).withCustomers(0, 0));
        assertTrue(coPurchase.forUser("me", 3, Recommender.Filter.NONE).items().stream()
                .filter(x -> x.item().id().equals("tie")).findFirst().orElseThrow().reasons()
                .contains("customers who bought Linen Shirt also bought it (3 customers)"));

        // a list without what the user bought weighs the sources as chosen for new items: co-purchase counts again
        Recommender withNewItemsBlend = new Recommender(Interactions.of(events, CATALOG.stream().map(Recommender.Item::id).toList()),
                CATALOG, Map.of(), Map.of(), Recommender.Settings.DEFAULT, Recommender.Settings.DEFAULT_NEW_ITEMS, NOW);
        assertTrue(withNewItemsBlend.forUser("me", 3, Recommender.Filter.NONE).items().stream()
                .filter(x -> x.item().id().equals("tie")).findFirst().orElseThrow().reasons().stream()
                .noneMatch(reason -> reason.startsWith("customers who bought")), "the default blend leaves co-purchase out");
        Recommender.Recommendation newTie = withNewItemsBlend.forUser("me", 3, new Recommender.Filter(null, Set.of(), true, false))
                .items().stream()
                .filter(x -> x.item().id().equals("tie")).findFirst().orElseThrow();
        assertTrue(newTie.reasons().contains("customers who bought Linen Shirt also bought it (3 customers)"), newTie.reasons().toString());
        assertTrue(newTie.reasons().contains("bought by 3 of the 3 customers who shop most like you"), newTie.reasons().toString());

        var filtered = r.forUser("me", 5, new Recommender.Filter("Clothing", Set.of("tie"), true, true)).items();
        assertTrue(filtered.stream().allMatch(x -> x.item().category().equals("Clothing")));
        assertTrue(filtered.stream().noneMatch(x -> Set.of("tie", "shirt").contains(x.item().id())), filtered.toString());
        assertTrue(r.forUser("me", 5, new Recommender.Filter(null, Set.of(), false, true)).items().stream()
                .noneMatch(x -> x.item().id().equals("chair")), "out of stock left out");

        Recommender.Answer stranger = r.forUser("nobody", 2, Recommender.Filter.NONE);
        assertEquals("popularity", stranger.basis());
        assertEquals("shirt", stranger.items().get(0).item().id());
        assertNull(r.similarTo("unknown", 3, Recommender.Filter.NONE));
    }

    /** Every description here ends "for everyday use": the lamp shares words with the shirt, not its kind. */
    @Test
    void onlyAnItemOfTheSameCategoryIsCalledSimilar() {
        List<Interactions.Event> events = new ArrayList<>();
        events.add(buy("me", "shirt", "m1", 20));
        buyers(events, "lamp", 2, 10);
        buyers(events, "shirt2", 2, 10);
        Recommender r = model(events, Map.of(), Recommender.Settings.DEFAULT);
        List<Recommender.Recommendation> list = r.forUser("me", 5, new Recommender.Filter(null, Set.of(), true, true)).items();
        Map<String, List<String>> reasons = new java.util.HashMap<>();
        for (Recommender.Recommendation x : list) reasons.put(x.item().id(), x.reasons());
        assertTrue(reasons.get("shirt2").contains("similar to Linen Shirt, which you bought"), reasons.toString());
        assertTrue(reasons.get("lamp").stream().noneMatch(x -> x.startsWith("similar to")), reasons.toString());

        Map<String, List<String>> alike = new java.util.HashMap<>();
        for (Recommender.Recommendation x : r.similarTo("shirt", 5, Recommender.Filter.NONE)) alike.put(x.item().id(), x.reasons());
        assertTrue(alike.get("shirt2").stream().anyMatch(x -> x.startsWith("similar to Linen Shirt: ")), alike.toString());
        assertTrue(alike.getOrDefault("lamp", List.of()).stream().noneMatch(x -> x.startsWith("similar to")), alike.toString());
    }

    @Test
    void wellReviewedItemsRiseAndPoorlyReviewedOnesSink() {
        // tie and lamp are each bought with the shirt by one customer: a tie between them, broken by sentiment
        List<Interactions.Event> events = List.of(buy("a", "shirt", "a1", 5), buy("a", "tie", "a1", 5),
                buy("b", "shirt", "b1", 5), buy("b", "lamp", "b1", 5), buy("me", "shirt", "m1", 5));
        Recommender.Settings noDiversity = new Recommender.Settings(50, 1, 0, 0, 0, 365, 90, 0.5, 0.2, 5, 0);
        Map<String, Recommender.Sentiment> praised = Map.of("lamp", new Recommender.Sentiment(20, 0.8, 0.9),
                "tie", new Recommender.Sentiment(20, -0.6, 0.1));
        var list = model(events, praised, noDiversity).forUser("me", 2, new Recommender.Filter(null, Set.of(), true, true)).items();
        assertEquals(List.of("lamp", "tie"), list.stream().map(x -> x.item().id()).toList());
        assertTrue(list.get(0).reasons().contains("well reviewed: 90% positive of 20 reviews"));
        Map<String, Recommender.Sentiment> reversed = Map.of("tie", new Recommender.Sentiment(20, 0.8, 0.9),
                "lamp", new Recommender.Sentiment(20, -0.6, 0.1));
        var other = model(events, reversed, noDiversity).forUser("me", 2, new Recommender.Filter(null, Set.of(), true, true)).items();
        assertEquals(List.of("tie", "lamp"), other.stream().map(x -> x.item().id()).toList());
    }

    @Test
    void diversityKeepsNearDuplicatesFromFillingTheList() {
        // shirt2 is nearly the same text as shirt; with diversity the lamp comes before it
        List<Interactions.Event> events = new ArrayList<>();
        for (String u : List.of("a", "b", "c", "d")) {
            events.add(buy(u, "shirt", u, 5));
            events.add(buy(u, "shirt2", u, 5));
        }
        for (String u : List.of("a", "b", "c")) events.add(buy(u, "lamp", u, 5));
        events.add(buy("x", "tie", "x", 5));
        Recommender.Settings relevanceOnly = new Recommender.Settings(50, 0, 0, 0, 1, 365, 90, 0, 0, 5, 0);
        Recommender.Settings diverse = new Recommender.Settings(50, 0, 0, 0, 1, 365, 90, 0, 0, 5, 0.6);
        assertEquals(List.of("shirt", "shirt2"), model(events, Map.of(), relevanceOnly).forUser("x", 2,
                new Recommender.Filter(null, Set.of(), true, true)).items().stream().map(x -> x.item().id()).toList());
        assertEquals(List.of("shirt", "lamp"), model(events, Map.of(), diverse).forUser("x", 2,
                new Recommender.Filter(null, Set.of(), true, true)).items().stream().map(x -> x.item().id()).toList());
    }

    @Test
    void aShopExportIsReadThroughHeaderAliases() {
        ProductCsv csv = ProductCsv.of(new String[] {"\uFEFFSKU", "Title", "Department", "Sub-Category", "Unit Price", "Colour"});
        assertTrue(csv.missing().isEmpty());
        ProductInput p = (ProductInput) csv.parse(new String[] {"S-1", "Mug", "Home", "Kitchen", "1,299.50", "blue"}, "f.csv", 2);
        assertEquals("S-1", p.productId());
        assertEquals(new java.math.BigDecimal("1299.50"), p.price());
        assertEquals(Map.of("Colour", "blue"), p.attributes());
        Object bad = csv.parse(new String[] {"S-2", "Mug", "Home", "Kitchen", "cheap", ""}, "f.csv", 3);
        assertEquals(3L, ((Problem.Violation) bad).line());
        // "Mugs, cups" without quotes: the row is refused, not stored with every value after it shifted
        Object shifted = csv.parse(new String[] {"S-3", "Mug", "Home", "Mugs", " cups", "1.00", "blue"}, "f.csv", 4);
        assertEquals("has 7 values for the header's 6 columns (a comma in a value that is not in quotes?)",
                ((Problem.Violation) shifted).message());
        assertTrue(csv.parse(new String[] {"S-4", "Mug", "Home", "Kitchen", "1.00", "blue", ""}, "f.csv", 5) instanceof ProductInput);
        assertFalse(ProductCsv.of(new String[] {"id", "name"}).missing().isEmpty());
        // an order export has every product column (amount would read as a price): it is told apart
        assertTrue(ProductCsv.of(new String[] {"order_id", "Order Date", "product_id", "product_name", "category",
                "sub_category", "quantity", "amount"}).looksLikeOrders());
        assertTrue(ProductCsv.of(new String[] {"InvoiceNo", "StockCode", "Description", "InvoiceDate", "UnitPrice"})
                .looksLikeOrders());
        assertFalse(ProductCsv.of(new String[] {"\uFEFFSKU", "Title", "Department", "Sub-Category", "Unit Price"})
                .looksLikeOrders());
    }

    @Test
    void easeOverTheMostBoughtItemsScoresOnlyThoseAndJoinsTheBlend() {
        List<Interactions.Event> events = new ArrayList<>();
        for (String u : List.of("a", "b", "c")) {
            events.add(buy(u, "shirt", u, 5));
            events.add(buy(u, "tie", u, 5));
        }
        events.add(buy("d", "lamp", "d", 5));
        events.add(buy("me", "shirt", "m", 5));
        Interactions m = Interactions.of(events, CATALOG.stream().map(Recommender.Item::id).toList());
        int[] covered = io.storefront.recommender.domain.model.EaseR.mostBought(m, 2);
        assertEquals(java.util.Set.of(m.itemIndex("shirt"), m.itemIndex("tie")),
                java.util.Arrays.stream(covered).boxed().collect(java.util.stream.Collectors.toSet()));
        var ease = new io.storefront.recommender.domain.model.EaseR(m, 1,
                io.storefront.recommender.domain.model.EaseR.Weighting.BINARY, covered);
        double[] scores = new double[m.items()];
        ease.score(m.userIndex("me"), scores);
        assertTrue(scores[m.itemIndex("tie")] > 0, "bought with the shirt by everyone");
        assertEquals(0, scores[m.itemIndex("lamp")], "not covered");

        Recommender.Settings withEase = new Recommender.Settings(50, 0, 0, 0, 0, 365, 90, 0, 0, 5, 0).withEase(2, 1, 1);
        var list = new Recommender(m, CATALOG, Map.of(), Map.of(), withEase, NOW)
                .forUser("me", 1, new Recommender.Filter(null, Set.of(), true, true)).items();
        assertEquals("tie", list.get(0).item().id(), "EASE alone carries the answer when it is the only source");

        // EASE^R in the new-items blend only: lists without what the user bought use it, the default lists do not
        Recommender.Settings nothing = new Recommender.Settings(50, 0, 0, 0, 0, 365, 90, 0, 0, 5, 0);
        var onlyForNewItems = new Recommender(m, CATALOG, Map.of(), Map.of(), nothing, withEase, NOW);
        assertEquals("tie", onlyForNewItems.forUser("me", 1, new Recommender.Filter(null, Set.of(), true, true)).items().get(0)
                .item().id());
        assertTrue(onlyForNewItems.forUser("me", 3, Recommender.Filter.NONE).items().stream().allMatch(x -> x.score() == 0),
                "the default blend has no source at all here");
    }

    @Test
    void theTrendLiftsWhatSellsNowOverWhatSoldBefore() {
        // the tie: 6 buyers two days ago; the lamp: 10 buyers 60 days ago (more popular over 90 days, fading)
        List<Interactions.Event> events = new ArrayList<>();
        buyers(events, "tie", 6, 2);
        buyers(events, "lamp", 10, 60);
        events.add(buy("me", "shirt", "m", 1));
        Interactions m = Interactions.of(events, CATALOG.stream().map(Recommender.Item::id).toList());
        int me = m.userIndex("me");
        int tie = m.itemIndex("tie");
        int lamp = m.itemIndex("lamp");
        Recommender.Settings popularityOnly = new Recommender.Settings(50, 0, 0, 0, 1, 365, 90, 0, 0, 5, 0);
        Recommender.Filter newItems = new Recommender.Filter(null, Set.of(), true, true);
        // sums of decayed sales: 90-day half-life tie 6 × 0.5^(2/90), lamp 10 × 0.5^(60/90) (the most);
        // 30-day half-life tie 6 × 0.5^(2/30) (the most), lamp 10 × 0.5^2
        double tie90 = 6 * Math.pow(0.5, 2 / 90.0) / (10 * Math.pow(0.5, 60 / 90.0));
        double lamp30 = 10 * Math.pow(0.5, 2) / (6 * Math.pow(0.5, 2 / 30.0));

        double[] plain = new double[m.items()];
        new Recommender(m, CATALOG, Map.of(), Map.of(), popularityOnly, NOW).newItemsScorer().score(me, plain);
        assertEquals(1.0, plain[lamp], 1e-9);
        assertEquals(tie90, plain[tie], 1e-9);

        Recommender.Settings trend = popularityOnly.withTrend(-4.75, 4);
        Recommender withTrend = new Recommender(m, CATALOG, Map.of(), Map.of(), popularityOnly, trend, NOW);
        double[] scores = new double[m.items()];
        withTrend.newItemsScorer().score(me, scores);
        assertEquals((4 * 1 - 4.75 * tie90) - (4 * lamp30 - 4.75 * 1), scores[tie] - scores[lamp], 1e-9,
                "the tie now ranks above the lamp");
        assertTrue(java.util.Arrays.stream(scores).allMatch(x -> x >= 0), "the negative blend is lifted to 0 and above");

        List<Recommender.Recommendation> list = withTrend.forUser("me", 5, newItems).items();
        List<String> answer = list.stream().map(x -> x.item().id()).toList();
        assertTrue(answer.contains("tie"), "negative blends still answer: " + answer);
        assertFalse(answer.contains("lamp") && answer.indexOf("lamp") < answer.indexOf("tie"), answer.toString());
        for (Recommender.Recommendation r : list) {
            // only the tie sells more lately; with popularity weighing below zero nothing is "popular"
            assertEquals(r.item().id().equals("tie"), r.reasons().contains("selling more lately"), r.toString());
            assertTrue(r.reasons().stream().noneMatch(x -> x.startsWith("popular in")), r.toString());
        }
        // the default lists keep the 90-day popularity alone
        assertEquals(List.of("lamp", "tie"), withTrend.forUser("me", 5, Recommender.Filter.NONE).items().stream()
                .map(x -> x.item().id()).filter(id -> id.equals("lamp") || id.equals("tie")).toList());
    }

    @Test
    void aBlendLiftedAboveZeroKeepsTheSentimentBoostInProportion() {
        // lamp bought by 10 customers, tie by 5 and well reviewed; a blend whose customers term could take
        // away 10 is lifted by 10 for the catalogue, but a well-reviewed tie must not pass the lamp for it
        List<Interactions.Event> events = new ArrayList<>();
        buyers(events, "lamp", 10, 5);
        buyers(events, "tie", 5, 5);
        events.add(buy("me", "shirt", "m", 1));
        double[] linear = new double[Recommender.Term.values().length];
        linear[Recommender.Term.POPULARITY.ordinal()] = 1;
        linear[Recommender.Term.CUSTOMERS.ordinal()] = -10;
        Recommender.Blend blend = new Recommender.Blend(linear, new double[linear.length]);
        Map<String, Recommender.Sentiment> reviews = Map.of("tie", new Recommender.Sentiment(100, 1.0, 1.0));
        Recommender r = new Recommender(Interactions.of(events, CATALOG.stream().map(Recommender.Item::id).toList()),
                CATALOG, reviews, Map.of(), Recommender.Settings.DEFAULT, Recommender.Settings.DEFAULT_NEW_ITEMS, blend, NOW);
        List<Recommender.Recommendation> list = r.forUser("me", 2, new Recommender.Filter(null, Set.of(), true, true)).items();
        assertEquals(List.of("lamp", "tie"), list.stream().map(x -> x.item().id()).toList());
        // popularity 1 and 0.5, the tie's × (1 + 0.2 × 100/105): no trace of the lift of 10
        assertEquals(1.0, list.get(0).score(), 1e-4);
        assertEquals(0.5 * (1 + 0.2 * 100 / 105.0), list.get(1).score(), 1e-3);
    }
}
