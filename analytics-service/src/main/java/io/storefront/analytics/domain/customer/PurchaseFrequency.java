package io.storefront.analytics.domain.customer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Distributions of orders per customer, days between a customer's orders, and spend per customer. */
public final class PurchaseFrequency {

    /** A histogram bin: [from, to] inclusive, {@code to} null for an open end. */
    public record Bin(String label, long from, Long to, long customers) {
    }

    public record Result(long customers, long repeatCustomers, double repeatRate, List<Bin> ordersPerCustomer,
                         List<Bin> daysBetweenOrders, Double medianDaysBetweenOrders, List<Bin> spendPerCustomer) {
    }

    private static final long[][] ORDERS = {{1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}, {6, 10}, {11, -1}};
    private static final long[][] GAPS = {{0, 7}, {8, 30}, {31, 60}, {61, 90}, {91, 180}, {181, 365}, {366, -1}};
    /** Spend bins in major currency units. */
    private static final long[][] SPEND = {{0, 499}, {500, 999}, {1_000, 1_999}, {2_000, 4_999}, {5_000, 9_999},
            {10_000, 24_999}, {25_000, 49_999}, {50_000, -1}};

    private PurchaseFrequency() {
    }

    public static Result of(List<Customer> customers) {
        long[] orders = new long[ORDERS.length], gaps = new long[GAPS.length], spend = new long[SPEND.length];
        List<Double> meanGaps = new ArrayList<>();
        long repeat = 0;
        for (Customer c : customers) {
            orders[bin(ORDERS, c.orders())]++;
            spend[bin(SPEND, c.revenueCents() / 100)]++;
            if (c.orders() >= 2) {
                repeat++;
                double gap = c.meanDaysBetweenOrders();
                meanGaps.add(gap);
                gaps[bin(GAPS, Math.round(gap))]++;
            }
        }
        double[] sorted = meanGaps.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        Double median = sorted.length == 0 ? null
                : sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        long n = customers.size();
        return new Result(n, repeat, n == 0 ? 0 : Math.round(10_000.0 * repeat / n) / 10_000.0,
                bins(ORDERS, orders, ""), bins(GAPS, gaps, " days"), median, bins(SPEND, spend, ""));
    }

    private static int bin(long[][] bins, long value) {
        for (int i = 0; i < bins.length; i++) {
            if (value >= bins[i][0] && (bins[i][1] < 0 || value <= bins[i][1])) return i;
        }
        return bins.length - 1;
    }

    private static List<Bin> bins(long[][] bins, long[] counts, String unit) {
        List<Bin> out = new ArrayList<>();
        for (int i = 0; i < bins.length; i++) {
            long from = bins[i][0], to = bins[i][1];
            String label = to < 0 ? "%,d+%s".formatted(from, unit)
                    : from == to ? "%,d%s".formatted(from, unit) : "%,d–%,d%s".formatted(from, to, unit);
            out.add(new Bin(label, from, to < 0 ? null : to, counts[i]));
        }
        return out;
    }
}
