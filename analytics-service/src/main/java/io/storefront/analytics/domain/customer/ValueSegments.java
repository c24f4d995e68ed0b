package io.storefront.analytics.domain.customer;

import java.util.Arrays;
import java.util.List;

/**
 * Low / Medium / High value segments by what customers spent. Bins are closed on the right, as the
 * original application's {@code pandas.cut} made them: Low ≤ low threshold < Medium ≤ high threshold < High.
 * Quantile thresholds are the spend terciles (nearest rank), so each segment holds about a third.
 */
public final class ValueSegments {

    public static final List<String> NAMES = List.of("Low", "Medium", "High");

    /** Thresholds in cents and how they were chosen ("quantile" or "fixed"). */
    public record Thresholds(String method, long lowCents, long highCents) {
        public Thresholds {
            if (highCents < lowCents) {
                throw new IllegalArgumentException("the high threshold is below the low one");
            }
        }
    }

    private ValueSegments() {
    }

    public static Thresholds quantiles(List<Customer> customers) {
        return quantiles(customers.stream().mapToLong(Customer::revenueCents).sorted().toArray());
    }

    /** Terciles of spends already sorted ascending. */
    public static Thresholds quantiles(long[] spend) {
        if (spend.length == 0) return new Thresholds("quantile", 0, 0);
        return new Thresholds("quantile", nearestRank(spend, 1 / 3.0), nearestRank(spend, 2 / 3.0));
    }

    /** The segment index (0 Low, 1 Medium, 2 High) of a spend. */
    public static int segmentOf(long revenueCents, Thresholds t) {
        return revenueCents <= t.lowCents() ? 0 : revenueCents <= t.highCents() ? 1 : 2;
    }

    static long nearestRank(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

}
