package io.storefront.recommender.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storefront.recommender.domain.eval.Interactions;
import io.storefront.recommender.domain.eval.RetailData;
import io.storefront.recommender.domain.eval.TemporalSplit;
import io.storefront.recommender.domain.eval.TopKMetrics;
import io.storefront.recommender.domain.model.EaseR;
import io.storefront.recommender.domain.model.ItemKnn;
import io.storefront.recommender.domain.model.OwnHistory;
import io.storefront.recommender.domain.model.Popularity;
import io.storefront.recommender.domain.model.RepeatAware;
import io.storefront.recommender.domain.model.SimilarCustomers;
import io.storefront.recommender.domain.model.Candidates;
import io.storefront.recommender.domain.model.TopK;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The evaluation protocol's pieces and the baseline models on hand-made data (plain JUnit). */
class RecommenderCoreTest {

    private static final LocalDateTime JAN = LocalDateTime.of(2011, 1, 10, 9, 0);

    private static RetailData.Line line(String invoice, String customer, String item, LocalDateTime time) {
        return new RetailData.Line(invoice, item, item + " desc", time, customer);
    }

    @Test
    void metricsFollowTheProtocolsDefinitions() {
        TopKMetrics m = new TopKMetrics(10, 20);
        // hits at ranks 1 and 3 of a truth of 4 items
        m.add(new int[] {1, 9, 2, 8, 7, 6, 5, 4, 3, 0}, Set.of(1, 2, 11, 12));
        double dcg = 1 / log2(2) + 1 / log2(4);
        double idcg = 1 / log2(2) + 1 / log2(3) + 1 / log2(4) + 1 / log2(5);
        assertEquals(1.0, m.hr(), 1e-12);
        assertEquals(0.2, m.precision(), 1e-12);
        assertEquals(0.5, m.recall(), 1e-12);
        assertEquals(dcg / idcg, m.ndcg(), 1e-12);
        assertEquals((1.0 + 2.0 / 3) / 4, m.map(), 1e-12);
        assertEquals(0.5, m.coverage(), 1e-12);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void topKSkipsExcludedItemsAndBreaksTiesByIndex() {
        BitSet excluded = new BitSet();
        excluded.set(3);
        assertArrayEquals(new int[] {2, 0, 4}, TopK.of(new double[] {5, 1, 9, 10, 5}, 3, excluded));
    }

    @Test
    void topKIsTheStableSortsHeadWithTiesAndExclusions() {
        java.util.Random random = new java.util.Random(5);
        for (int round = 0; round < 500; round++) {
            int n = random.nextInt(60);
            double[] scores = new double[n];
            // few distinct values, so that ties decide many places
            for (int i = 0; i < n; i++) scores[i] = random.nextInt(6) - 1;
            BitSet excluded = new BitSet();
            for (int i = 0; i < n; i++) if (random.nextInt(5) == 0) excluded.set(i);
            int k = random.nextInt(15);
            int[] expected = java.util.stream.IntStream.range(0, n).filter(i -> !excluded.get(i)).boxed()
                    .sorted((a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : Integer.compare(a, b))
                    .limit(k).mapToInt(Integer::intValue).toArray();
            assertArrayEquals(expected, TopK.of(scores, k, excluded), "round " + round);
        }
    }

    @Test
    void similarCustomersAreNearestByCosineOfStrengthsScaledToEachOnesStrongestItem() {
        List<Interactions.Event> events = new ArrayList<>();
        // u0: A in two orders, B in one → (A 1, B 0.5); u1: A, B, C once → (1, 1, 1); u2: D only; u3: A once, C twice → (0.5, 1)
        String[][] orders = {{"u0", "o1", "A"}, {"u0", "o1", "B"}, {"u0", "o2", "A"}, {"u1", "o3", "A"}, {"u1", "o3", "B"},
            {"u1", "o3", "C"}, {"u2", "o4", "D"}, {"u2", "o5", "D"}, {"u2", "o6", "D"}, {"u3", "o7", "A"}, {"u3", "o8", "C"},
            {"u3", "o9", "C"}};
        for (String[] o : orders) events.add(new Interactions.Event(o[0], o[2], o[1], JAN, 1));
        Interactions m = Interactions.of(events, List.of("A", "B", "C", "D"));
        SimilarCustomers similar = new SimilarCustomers(m);
        SimilarCustomers.Work work = similar.work();
        int u0 = m.userIndex("u0");
        // cos(u0, u1) = 1.5 / (√1.25 · √3) = 0.775 > cos(u0, u3) = 0.5 / 1.25 = 0.4; u2 shares nothing and is no neighbour
        double[] nearestOnly = new double[4];
        Candidates touched = new Candidates(4);
        similar.spread(u0, 1, 10, nearestOnly, touched, work);
        assertArrayEquals(new int[] {m.userIndex("u1")}, work.nearest());
        assertArrayEquals(new double[] {1, 1, 1, 0}, nearestOnly, 1e-12);
        double[] both = new double[4];
        similar.spread(u0, 5, 10, both, new Candidates(4), work);
        assertArrayEquals(new int[] {m.userIndex("u1"), m.userIndex("u3")}, work.nearest());
        assertArrayEquals(new double[] {(1 + 0.5) / 2, (1 + 0) / 2.0, (1 + 1) / 2.0, 0}, both, 1e-12);
        assertEquals(2, similar.boughtBy(work.nearest(), m.itemIndex("C")));
        assertEquals(0, similar.boughtBy(work.nearest(), m.itemIndex("D")));
        assertTrue(touched.contains(m.itemIndex("C")) && !touched.contains(m.itemIndex("D")));
        // only the best candidate joins; the others keep no score unless another source touched them first
        double[] capped = new double[4];
        Candidates fromElsewhere = new Candidates(4);
        fromElsewhere.add(m.itemIndex("A"));
        similar.spread(u0, 5, 1, capped, fromElsewhere, work);
        assertArrayEquals(new double[] {0.75, 0, 1, 0}, capped, 1e-12);
        assertTrue(fromElsewhere.contains(m.itemIndex("C")) && !fromElsewhere.contains(m.itemIndex("B")));

        // someone whose events all weigh nothing is like no one, and no one is like them
        events.add(new Interactions.Event("z", "A", "o10", JAN, 0));
        Interactions withZero = Interactions.of(events, List.of("A", "B", "C", "D"));
        SimilarCustomers withZeroCustomers = new SimilarCustomers(withZero);
        double[] none = new double[4];
        withZeroCustomers.spread(withZero.userIndex("z"), 5, 10, none, new Candidates(4), withZeroCustomers.work());
        assertArrayEquals(new double[4], none, 0);
        SimilarCustomers.Work again = withZeroCustomers.work();
        withZeroCustomers.spread(withZero.userIndex("u0"), 5, 10, new double[4], new Candidates(4), again);
        assertArrayEquals(new int[] {withZero.userIndex("u1"), withZero.userIndex("u3")}, again.nearest());
    }

    @Test
    void theSplitKeepsTestUsersWithHistoryAndItemsSeenInTraining() {
        LocalDateTime cut = LocalDateTime.of(2011, 9, 1, 0, 0);
        List<RetailData.Line> lines = List.of(
                line("1", "a", "X", JAN), line("1", "a", "Y", JAN), line("2", "a", "X", JAN.plusDays(1)),
                line("3", "b", "Y", JAN),
                line("4", "a", "Y", cut.plusDays(2)), line("4", "a", "NEW", cut.plusDays(2)),
                line("5", "c", "X", cut.plusDays(3)),
                line("6", "b", "NEW", cut.plusDays(4)));
        TemporalSplit split = TemporalSplit.of(lines, cut, null);
        Interactions m = split.train();
        assertEquals(2, m.users());
        assertEquals(2, m.items());
        int a = m.userIndex("a");
        assertEquals(2.0, m.strengthsOf(a)[0], "X was in two invoices");
        assertEquals(Set.of(m.itemIndex("Y")), split.test().get(a), "NEW was not in training");
        assertEquals(1, split.test().size(), "c has no history, b bought only an unseen item");
    }

    /** Three customers who buy A with B, one who buys C alone: the models must pair A and B. */
    private static Interactions smallStore() {
        List<RetailData.Line> lines = new ArrayList<>();
        String[] invoice = {"0"};
        for (String customer : List.of("p", "q", "r")) {
            String inv = String.valueOf(Integer.parseInt(invoice[0]) + 1);
            invoice[0] = inv;
            lines.add(line(inv, customer, "A", JAN));
            lines.add(line(inv, customer, "B", JAN));
        }
        lines.add(line("9", "s", "C", JAN));
        lines.add(line("10", "t", "A", JAN));
        return Interactions.of(lines);
    }

    @Test
    void itemKnnAndEaseRecommendWhatIsBoughtTogether() {
        Interactions m = smallStore();
        int t = m.userIndex("t");
        int b = m.itemIndex("B");
        int c = m.itemIndex("C");
        double[] scores = new double[m.items()];
        new ItemKnn(m, 10).score(t, scores);
        assertTrue(scores[b] > scores[c], "kNN: B goes with A");
        new EaseR(m, 1.0).score(t, scores);
        assertTrue(scores[b] > scores[c], "EASE: B goes with A");
        assertEquals(0.0, scores[m.itemIndex("A")], 1e-12, "EASE has a zero diagonal");
        new Popularity(m).score(t, scores);
        assertTrue(scores[m.itemIndex("A")] > scores[c]);
        new OwnHistory(m, new Popularity(m)).score(t, scores);
        assertEquals(m.itemIndex("A"), TopK.of(scores, 1, null)[0], "a re-buy comes first");
        new RepeatAware(m, new EaseR(m, 1.0), 1.0, 30, JAN.plusDays(30)).score(t, scores);
        assertArrayEquals(new int[] {m.itemIndex("A"), b}, TopK.of(scores, 2, null), "own item, then what goes with it");
    }
}
