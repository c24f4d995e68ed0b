package io.storefront.analytics.domain.customer;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * RFM scores 1–5 and named segments. A score is the quintile of the customer's mid-rank among all
 * customers, so equal values get equal scores (most customers order once, so F has heavy ties);
 * recent customers get a high R. Segments follow the usual R × F grid.
 */
public final class Rfm {

    public record Score(int recency, int frequency, int monetary, String segment) {
    }

    /** Segment names, best first, as the views list them. */
    public static final List<String> SEGMENTS = List.of("Champions", "Loyal", "Potential loyalists", "New customers",
            "Promising", "Need attention", "About to sleep", "Cannot lose them", "At risk", "Hibernating", "Lost");

    private Rfm() {
    }

    public static Score[] score(List<Customer> customers, LocalDate asOf) {
        int n = customers.size();
        double[] recency = new double[n], frequency = new double[n], monetary = new double[n];
        for (int i = 0; i < n; i++) {
            Customer c = customers.get(i);
            recency[i] = c.recencyDays(asOf);
            frequency[i] = c.orders();
            monetary[i] = c.revenueCents();
        }
        int[] r = quintiles(recency), f = quintiles(frequency), m = quintiles(monetary);
        Score[] scores = new Score[n];
        for (int i = 0; i < n; i++) {
            int rs = 6 - r[i]; // fewer days since the last order is better
            scores[i] = new Score(rs, f[i], m[i], segment(rs, f[i]));
        }
        return scores;
    }

    /** The segment of an R and F score. */
    public static String segment(int r, int f) {
        if (r >= 4 && f >= 4) return "Champions";
        if (r == 3 && f >= 4) return "Loyal";
        if (r >= 4 && f >= 2) return "Potential loyalists";
        if (r == 5 && f == 1) return "New customers";
        if (r == 4 && f == 1) return "Promising";
        if (r == 3 && f == 3) return "Need attention";
        if (r == 3) return "About to sleep";
        if (r == 1 && f == 5) return "Cannot lose them";
        if (f >= 3) return "At risk";
        if (f == 2) return "Hibernating";
        return "Lost";
    }

    /** Quintile 1–5 of each value's mid-rank: ties share the score of their middle position. */
    static int[] quintiles(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        int[] score = new int[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) j++;
            double midRank = (i + j) / 2.0 + 0.5; // 0.5 .. n-0.5
            int q = Math.min(5, 1 + (int) Math.floor(5 * midRank / n));
            for (int k = i; k <= j; k++) score[order[k]] = q;
            i = j + 1;
        }
        return score;
    }
}
