package io.storefront.recommender.domain.eval;

import java.util.BitSet;
import java.util.Set;

/**
 * The protocol's metrics at k, averaged over users: HR (at least one hit), precision (hits / k),
 * recall (hits / |truth|), NDCG with binary gains and the ideal over min(|truth|, k) slots, MAP
 * normalised by min(|truth|, k), and catalogue coverage (distinct recommended items / items).
 */
public final class TopKMetrics {

    private final int k;
    private final int catalogue;
    private final BitSet recommended = new BitSet();
    private int users;
    private double hr;
    private double precision;
    private double recall;
    private double ndcg;
    private double map;

    public TopKMetrics(int k, int catalogue) {
        this.k = k;
        this.catalogue = catalogue;
    }

    public void add(int[] list, Set<Integer> truth) {
        users++;
        int hits = 0;
        double dcg = 0;
        double ap = 0;
        for (int rank = 0; rank < Math.min(k, list.length); rank++) {
            recommended.set(list[rank]);
            if (truth.contains(list[rank])) {
                hits++;
                dcg += 1 / log2(rank + 2);
                ap += (double) hits / (rank + 1);
            }
        }
        int ideal = Math.min(truth.size(), k);
        double idcg = 0;
        for (int rank = 0; rank < ideal; rank++) idcg += 1 / log2(rank + 2);
        hr += hits > 0 ? 1 : 0;
        precision += (double) hits / k;
        recall += (double) hits / truth.size();
        ndcg += dcg / idcg;
        map += ap / ideal;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    public int users() { return users; }
    public double hr() { return hr / users; }
    public double precision() { return precision / users; }
    public double recall() { return recall / users; }
    public double ndcg() { return ndcg / users; }
    public double map() { return map / users; }
    public double coverage() { return (double) recommended.cardinality() / catalogue; }
}
