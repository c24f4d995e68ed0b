package io.storefront.analytics.domain.customer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CustomerAnalyticsTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);

    private static Customer customer(String key, int daysAgo, long orders, long revenue, int spanDays) {
        LocalDate last = AS_OF.minusDays(daysAgo);
        return new Customer(key, key, "Goa", "Panaji", last.minusDays(spanDays), last, orders, revenue * 100, 0);
    }

    @Test
    void quintilesGiveTiesOneScore() {
        // eight ones and two tens: the ones share their mid-rank's quintile
        int[] q = Rfm.quintiles(new long[] {1, 1, 1, 1, 1, 1, 1, 1, 10, 20});
        for (int i = 0; i < 8; i++) assertEquals(q[0], q[i]);
        assertEquals(3, q[0], "mid-rank 4 of 10 is in the third fifth");
        assertEquals(5, q[8]);
        assertEquals(5, q[9]);
        assertArrayEquals(new int[] {1, 2, 3, 4, 5}, Rfm.quintiles(new long[] {1, 2, 3, 4, 5}));
    }

    @Test
    void quintilesFollowMidRanksCountedOneByOne() {
        Random random = new Random(5);
        long[] values = new long[2_000];
        for (int i = 0; i < values.length; i++) values[i] = random.nextInt(40); // many ties
        assertQuintilesByCounting(values, Rfm.quintiles(values));
        // too large to pack with their positions, and negative: ranked the other way
        long[] large = new long[values.length];
        for (int i = 0; i < large.length; i++) large[i] = (values[i] - 20) * (Long.MAX_VALUE / 64);
        assertQuintilesByCounting(large, Rfm.quintiles(large));
        assertArrayEquals(Rfm.quintiles(values), Rfm.quintilesBySearch(values));
    }

    private static void assertQuintilesByCounting(long[] values, int[] q) {
        for (int i = 0; i < values.length; i++) {
            int below = 0, equal = 0;
            for (long v : values) {
                if (v < values[i]) below++;
                else if (v == values[i]) equal++;
            }
            double midRank = below + equal / 2.0; // the middle of the run of equals, 0-based plus a half
            assertEquals(Math.min(5, 1 + (int) Math.floor(5 * midRank / values.length)), q[i], "value " + values[i]);
        }
    }

    @Test
    void rfmSegmentsFollowTheGrid() {
        assertEquals("Champions", Rfm.segment(5, 5));
        assertEquals("Loyal", Rfm.segment(3, 4));
        assertEquals("New customers", Rfm.segment(5, 1));
        assertEquals("At risk", Rfm.segment(2, 4));
        assertEquals("Cannot lose them", Rfm.segment(1, 5));
        assertEquals("Hibernating", Rfm.segment(2, 2));
        assertEquals("Lost", Rfm.segment(1, 1));
        for (int r = 1; r <= 5; r++) for (int f = 1; f <= 5; f++) assertTrue(Rfm.SEGMENTS.contains(Rfm.segment(r, f)));
    }

    @Test
    void recentFrequentBigSpendersScoreHighest() {
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < 50; i++) customers.add(customer("c" + i, 10 + 5 * i, 1 + i / 10, 100 + 10L * i, 30));
        Rfm.Score[] scores = Rfm.score(customers, AS_OF);
        assertEquals(5, scores[0].recency(), "ordered 10 days ago, the most recent");
        assertEquals(1, scores[0].monetary());
        assertEquals(1, scores[49].recency());
        assertEquals(5, scores[49].frequency());
        assertEquals("Cannot lose them", scores[49].segment());
    }

    @Test
    void valueSegmentsAreClosedOnTheRightLikePandasCut() {
        ValueSegments.Thresholds fixed = new ValueSegments.Thresholds("fixed", 100_000, 500_000);
        assertEquals(0, ValueSegments.segmentOf(100_000, fixed), "1,000 exactly is Low");
        assertEquals(1, ValueSegments.segmentOf(100_001, fixed));
        assertEquals(1, ValueSegments.segmentOf(500_000, fixed));
        assertEquals(2, ValueSegments.segmentOf(500_001, fixed));
        List<Customer> customers = new ArrayList<>();
        for (int i = 1; i <= 9; i++) customers.add(customer("c" + i, 1, 1, i * 100L, 0));
        ValueSegments.Thresholds q = ValueSegments.quantiles(customers);
        assertEquals(30_000, q.lowCents(), "third of nine by nearest rank");
        assertEquals(60_000, q.highCents());
    }

    @Test
    void frequencyCountsRepeatBuyersAndTheirGaps() {
        List<Customer> customers = List.of(customer("a", 5, 1, 100, 0), customer("b", 5, 3, 2_500, 60),
                customer("c", 5, 2, 700, 10), customer("d", 5, 12, 60_000, 330));
        PurchaseFrequency.Result r = PurchaseFrequency.of(customers);
        assertEquals(3, r.repeatCustomers());
        assertEquals(0.75, r.repeatRate());
        assertEquals(1, r.ordersPerCustomer().get(0).customers());
        assertEquals(1, r.ordersPerCustomer().get(6).customers(), "12 orders is in 11+");
        // gaps: b 30 days, c 10 days, d 30 days
        assertEquals(30.0, r.medianDaysBetweenOrders());
        assertEquals(3, r.daysBetweenOrders().get(1).customers(), "8–30 days holds all three");
        assertEquals(1, r.spendPerCustomer().getLast().customers(), "60,000 is in 50,000+");
        assertNull(PurchaseFrequency.of(List.of(customer("x", 1, 1, 1, 0))).medianDaysBetweenOrders());
    }

    @Test
    void cohortsCountActiveCustomersPerMonthAfterTheFirst() {
        LocalDate jan = LocalDate.of(2024, 1, 1), feb = jan.plusMonths(1), mar = jan.plusMonths(2);
        Cohorts.Matrix m = Cohorts.of(List.of(new Cohorts.Cell(jan, jan, 10, 0), new Cohorts.Cell(jan, feb, 4, 0),
                new Cohorts.Cell(jan, mar, 2, 0), new Cohorts.Cell(feb, feb, 5, 0), new Cohorts.Cell(feb, mar, 1, 0)),
                mar, 12);
        assertEquals(List.of(jan, feb), m.cohorts());
        assertArrayEquals(new long[] {10, 5}, m.sizes());
        assertArrayEquals(new Double[] {100.0, 40.0, 20.0}, m.retentionPercent()[0]);
        assertArrayEquals(new Double[] {100.0, 20.0, null}, m.retentionPercent()[1], "March is February's last month");
    }

    @Test
    void clustersSeparateClearGroupsAndChooseKBySilhouette() {
        Random random = new Random(3);
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // three behaviours: recent loyal big spenders, lapsed one-timers, middling
            int kind = i % 3;
            int daysAgo = switch (kind) { case 0 -> 5 + random.nextInt(10); case 1 -> 400 + random.nextInt(60); default -> 150 + random.nextInt(30); };
            long orders = switch (kind) { case 0 -> 15 + random.nextInt(5); case 1 -> 1; default -> 3 + random.nextInt(2); };
            long spend = switch (kind) { case 0 -> 50_000 + random.nextInt(10_000); case 1 -> 200 + random.nextInt(100); default -> 3_000 + random.nextInt(1_000); };
            customers.add(customer("c" + i, daysAgo, orders, spend, 60));
        }
        BehaviourClusters.Result r = BehaviourClusters.fit(customers, AS_OF, null, "INR");
        assertEquals(3, r.k());
        assertTrue(r.silhouette() > 0.7, "well separated: " + r.silhouette());
        assertEquals(100, r.clusters().get(0).customers());
        assertTrue(r.clusters().get(0).label().startsWith("Recent, frequent, high-spending"), r.clusters().get(0).label());
        assertTrue(r.clusters().get(2).label().startsWith("Lapsed, one-time, low-spending"), r.clusters().get(2).label());
        for (int i = 0; i < 300; i++) assertEquals(i % 3 == 0 ? 0 : i % 3 == 1 ? 2 : 1, r.assignment()[i]);
        assertEquals(4, BehaviourClusters.fit(customers, AS_OF, 4, "INR").clusters().size());
    }

    @Test
    void clustersWithTheSameWordsGetLabelsTellingThemApart() {
        BehaviourClusters.Cluster rich = new BehaviourClusters.Cluster(0, 10, 30, 2, 500_000, "Recent customers", null);
        BehaviourClusters.Cluster poor = new BehaviourClusters.Cluster(1, 10, 40, 2, 90_000, "Recent customers", null);
        BehaviourClusters.Cluster other = new BehaviourClusters.Cluster(2, 10, 400, 1, 9_000, "Lapsed customers", null);
        assertEquals(List.of("Recent customers (INR 5,000 spent)", "Recent customers (INR 900 spent)", "Lapsed customers"),
                BehaviourClusters.distinctLabels(List.of(rich, poor, other), "INR"));
        BehaviourClusters.Cluster sameSpend = new BehaviourClusters.Cluster(3, 10, 80, 2, 500_000, "Recent customers", null);
        assertEquals(List.of("Recent customers (30 days since the last order)", "Recent customers (80 days since the last order)"),
                BehaviourClusters.distinctLabels(List.of(rich, sameSpend), "INR"));
        BehaviourClusters.Cluster twin = new BehaviourClusters.Cluster(4, 12, 30, 2, 500_000, "Recent customers", null);
        assertEquals(List.of("Recent customers (group 1 of 2)", "Recent customers (group 2 of 2)"),
                BehaviourClusters.distinctLabels(List.of(rich, twin), "INR"));
    }

    @Test
    void everyCustomerGoesToTheNearestCentreTheFirstOnATie() {
        Random random = new Random(12);
        for (int k = 1; k <= BehaviourClusters.MAX_K; k++) {
            double[][] centres = new double[k][3];
            for (double[] c : centres) for (int x = 0; x < 3; x++) c[x] = random.nextGaussian();
            int n = k == BehaviourClusters.MAX_K ? 150_000 : 5_000; // the largest in slices on several threads
            double[] z = new double[3 * n];
            for (int i = 0; i < z.length; i++) z[i] = random.nextGaussian() * 2;
            int[] assignment = new int[n];
            BehaviourClusters.assignNearest(z, centres, assignment);
            for (int i = 0; i < n; i++) {
                double[] point = {z[3 * i], z[3 * i + 1], z[3 * i + 2]};
                double best = Double.MAX_VALUE;
                int expected = -1;
                for (int c = 0; c < k; c++) {
                    if (distance(point, centres[c]) < best) {
                        best = distance(point, centres[c]);
                        expected = c;
                    }
                }
                assertEquals(expected, assignment[i], "k=" + k + ", customer " + i);
            }
        }
        // midway between two centres: the first wins, as in the fitted partition
        int[] tie = new int[1];
        BehaviourClusters.assignNearest(new double[] {0, 0, 0}, new double[][] {{5, 5, 5}, {1, 0, 0}, {-1, 0, 0}}, tie);
        assertEquals(1, tie[0]);
    }

    @Test
    void silhouetteIsTheTextbookMean() {
        Random random = new Random(8);
        double[][] points = new double[150][3];
        for (int i = 0; i < points.length; i++) {
            for (int x = 0; x < 3; x++) points[i][x] = random.nextGaussian() + (i % 3) * 2;
        }
        double[][] centres = {{0, 0, 0}, {2, 2, 2}, {4, 4, 4}, {50, 50, 50}}; // the last one gets no point
        // Rousseeuw 1987, straight from the definition: s(i) = (b - a) / max(a, b), 0 for a point alone
        int[] label = new int[points.length];
        for (int i = 0; i < points.length; i++) {
            double best = Double.MAX_VALUE;
            for (int c = 0; c < centres.length; c++) {
                double d = distance(points[i], centres[c]);
                if (d < best) {
                    best = d;
                    label[i] = c;
                }
            }
        }
        double total = 0;
        for (int i = 0; i < points.length; i++) {
            double[] sum = new double[centres.length];
            int[] count = new int[centres.length];
            for (int j = 0; j < points.length; j++) {
                if (j == i) continue;
                sum[label[j]] += distance(points[i], points[j]);
                count[label[j]]++;
            }
            if (count[label[i]] == 0) continue;
            double a = sum[label[i]] / count[label[i]], b = Double.MAX_VALUE;
            for (int c = 0; c < centres.length; c++) if (c != label[i] && count[c] > 0) b = Math.min(b, sum[c] / count[c]);
            total += (b - a) / Math.max(a, b);
        }
        assertEquals(total / points.length, BehaviourClusters.silhouette(points, centres), 1e-12);
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(s);
    }
}
