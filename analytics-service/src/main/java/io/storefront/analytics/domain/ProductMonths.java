package io.storefront.analytics.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The monthly product rollup held in memory as columns, once per data version, so a ranking over any
 * months is one pass over primitive arrays (a few milliseconds for millions of product-months)
 * instead of a GROUP BY per request. About 40 bytes per product-month.
 */
public final class ProductMonths {

    /** What a ranking orders by. */
    public enum Metric { REVENUE, UNITS, PROFIT }

    public record Product(String key, String name, String category, String subCategory) {
    }

    public record Ranked(Product product, SalesFigures figures) {
    }

    private final List<Product> products;
    private final List<String> categories, subCategories;
    private final int[] month;      // months since year 0
    private final int[] product;
    // per row: a product's category may differ between months or between two products sharing a key
    private final int[] category, subCategory;
    private final long[] orders, revenue, profit, units, lines;
    private final int size;

    private ProductMonths(List<Product> products, List<String> categories, List<String> subCategories, int[] month,
                          int[] product, int[] category, int[] subCategory, long[] orders, long[] revenue,
                          long[] profit, long[] units, long[] lines, int size) {
        this.products = products;
        this.categories = categories;
        this.subCategories = subCategories;
        this.month = month;
        this.product = product;
        this.category = category;
        this.subCategory = subCategory;
        this.orders = orders;
        this.revenue = revenue;
        this.profit = profit;
        this.units = units;
        this.lines = lines;
        this.size = size;
    }

    public int size() {
        return size;
    }

    /** Collects rows as the database returns them. */
    public static final class Builder {
        private final Map<String, Integer> index = new HashMap<>();
        private final List<Product> products = new ArrayList<>();
        private final Map<String, Integer> categoryIndex = new HashMap<>(), subCategoryIndex = new HashMap<>();
        private final List<String> categories = new ArrayList<>(), subCategories = new ArrayList<>();
        private int[] month = new int[1024], product = new int[1024], category = new int[1024],
                subCategory = new int[1024];
        private long[] orders = new long[1024], revenue = new long[1024], profit = new long[1024],
                units = new long[1024], lines = new long[1024];
        private int size;

        public Builder add(LocalDate period, String key, String name, String category, String subCategory, long o,
                           long r, long p, long u, long l) {
            if (size == month.length) grow();
            Integer id = index.get(key);
            if (id == null) {
                id = products.size();
                index.put(key, id);
                products.add(new Product(key, name, category, subCategory));
            }
            month[size] = monthNumber(period);
            product[size] = id;
            this.category[size] = intern(categoryIndex, categories, category);
            this.subCategory[size] = intern(subCategoryIndex, subCategories, subCategory);
            orders[size] = o;
            revenue[size] = r;
            profit[size] = p;
            units[size] = u;
            lines[size] = l;
            size++;
            return this;
        }

        public ProductMonths build() {
            return new ProductMonths(List.copyOf(products), List.copyOf(categories), List.copyOf(subCategories), month,
                    product, category, subCategory, orders, revenue, profit, units, lines, size);
        }

        private static int intern(Map<String, Integer> index, List<String> values, String value) {
            return index.computeIfAbsent(value, v -> {
                values.add(v);
                return values.size() - 1;
            });
        }

        private void grow() {
            int n = month.length * 2;
            month = java.util.Arrays.copyOf(month, n);
            product = java.util.Arrays.copyOf(product, n);
            category = java.util.Arrays.copyOf(category, n);
            subCategory = java.util.Arrays.copyOf(subCategory, n);
            orders = java.util.Arrays.copyOf(orders, n);
            revenue = java.util.Arrays.copyOf(revenue, n);
            profit = java.util.Arrays.copyOf(profit, n);
            units = java.util.Arrays.copyOf(units, n);
            lines = java.util.Arrays.copyOf(lines, n);
        }
    }

    /**
     * The top {@code limit} products of the months from {@code from} to {@code to} (inclusive), of a
     * category and sub-category when given; ties by product key.
     */
    public List<Ranked> top(YearMonth from, YearMonth to, String category, String subCategory, Metric metric, int limit) {
        int first = monthNumber(from.atDay(1)), last = monthNumber(to.atDay(1));
        int n = products.size();
        int wantedCategory = category == null ? -1 : categories.indexOf(category);
        int wantedSub = subCategory == null ? -1 : subCategories.indexOf(subCategory);
        if ((category != null && wantedCategory < 0) || (subCategory != null && wantedSub < 0)) return List.of();
        long[] o = new long[n], r = new long[n], pr = new long[n], u = new long[n], l = new long[n];
        boolean[] seen = new boolean[n];
        for (int i = 0; i < size; i++) {
            int id = product[i];
            if (month[i] < first || month[i] > last) continue;
            if (wantedCategory >= 0 && this.category[i] != wantedCategory) continue;
            if (wantedSub >= 0 && this.subCategory[i] != wantedSub) continue;
            seen[id] = true;
            o[id] += orders[i];
            r[id] += revenue[i];
            pr[id] += profit[i];
            u[id] += units[i];
            l[id] += lines[i];
        }
        long[] score = switch (metric) {
            case REVENUE -> r;
            case UNITS -> u;
            case PROFIT -> pr;
        };
        // a bounded heap keeps the best `limit` without sorting every product
        java.util.PriorityQueue<Integer> best = new java.util.PriorityQueue<>(limit + 1, (a, b) -> {
            int c = Long.compare(score[a], score[b]);
            return c != 0 ? c : products.get(b).key().compareTo(products.get(a).key());
        });
        for (int id = 0; id < n; id++) {
            if (!seen[id]) continue;
            best.add(id);
            if (best.size() > limit) best.poll();
        }
        List<Ranked> ranked = new ArrayList<>(best.size());
        while (!best.isEmpty()) {
            int id = best.poll();
            ranked.add(new Ranked(products.get(id), new SalesFigures(o[id], r[id], pr[id], u[id], l[id])));
        }
        return ranked.reversed();
    }

    private static int monthNumber(LocalDate day) {
        return day.getYear() * 12 + day.getMonthValue() - 1;
    }
}
