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

    /** Scores of customers given by their days since the last order, orders and spend (the snapshot's arrays). */
    public static Score[] score(long[] recencyDays, long[] orders, long[] revenueCents) {
        int n = recencyDays.length;
        int[] r = quintiles(recencyDays), f = quintiles(orders), m = quintiles(revenueCents);
        Score[] scores = new Score[n];
        for (int i = 0; i < n; i++) {
            int rs = 6 - r[i]; // fewer days since the last order is better
            scores[i] = new Score(rs, f[i], m[i], segment(rs, f[i]));
        }
        return scores;
    }

    /** As above for customers as the orders show them on {@code asOf}. */
    public static Score[] score(List<Customer> customers, LocalDate asOf) {
        int n = customers.size();
        long[] recency = new long[n], frequency = new long[n], monetary = new long[n];
        for (int i = 0; i < n; i++) {
            Customer c = customers.get(i);
            recency[i] = c.recencyDays(asOf);
            frequency[i] = c.orders();
            monetary[i] = c.revenueCents();
        }
        return score(recency, frequency, monetary);
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

    /**
     * Quintile 1–5 of each value's mid-rank: ties share the score of their middle position. Values and
     * positions are packed into one long each and sorted as primitives, then every run of equal values
     * scored in one pass (sorting boxed indices by comparator took most of a state's first view);
     * values too large to pack, or negative, are ranked by binary search instead.
     */
    static int[] quintiles(long[] values) {
        int n = values.length;
        int[] score = new int[n];
        if (n == 0) return score;
        int positionBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        for (long v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min < 0 || max >= 1L << (63 - positionBits)) return quintilesBySearch(values);
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) packed[i] = values[i] << positionBits | i;
        Arrays.sort(packed);
        long mask = (1L << positionBits) - 1;
        int i = 0;
        while (i < n) {
            long value = packed[i] >>> positionBits;
            int j = i;
            while (j + 1 < n && packed[j + 1] >>> positionBits == value) j++;
            int q = quintile(i, j, n);
            for (int k = i; k <= j; k++) score[(int) (packed[k] & mask)] = q;
            i = j + 1;
        }
        return score;
    }

    static int[] quintilesBySearch(long[] values) {
        int n = values.length;
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int[] score = new int[n];
        for (int i = 0; i < n; i++) score[i] = quintile(firstAtLeast(sorted, values[i]), firstAbove(sorted, values[i]) - 1, n);
        return score;
    }

    /** The quintile of a run of equal values at sorted positions first..last of n. */
    private static int quintile(int first, int last, int n) {
        double midRank = (first + last) / 2.0 + 0.5; // 0.5 .. n-0.5
        return Math.min(5, 1 + (int) Math.floor(5 * midRank / n));
    }

    private static int firstAtLeast(long[] sorted, long value) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static int firstAbove(long[] sorted, long value) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
