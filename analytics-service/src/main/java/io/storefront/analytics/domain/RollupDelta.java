package io.storefront.analytics.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an import's new lines add to the sales cube and the product rollup, computed while the file
 * is read, so that the database only merges a few hundred thousand pre-summed rows instead of
 * grouping every line five ways.
 *
 * <p>An order counts once per cell it has a line in, so an order's lines must be seen together: lines
 * are fed in file order, and an order ends when another begins. Files grouped by order (every export
 * seen so far) work that way. Whether the file was grouped is checked afterwards in the database (an
 * order's staged lines have consecutive numbers); if not, the import discards this delta and computes
 * the rollups in SQL. Memory stays bounded: the caller drains the sums whenever they grow large, and
 * the database adds up the drained parts.
 */
public final class RollupDelta {

    /** A cube cell: see V5__sales_cube.sql. Day cells carry a place only for whole orders (dims 0). */
    public record CubeKey(String grain, int dims, LocalDate period, String category, String subCategory,
                          String paymentMode, String state, String city) {
    }

    public record ProductKey(LocalDate month, String productKey) {
    }

    /** Sums of a cell: orders, revenue, profit, units, lines (money in cents). */
    public static final class Sums {
        public long orders, revenueCents, profitCents, units, lines;
        public String productName, category, subCategory;

        void add(OrderLine l) {
            revenueCents += l.amountCents();
            profitCents += l.profitCents();
            units += l.quantity();
            lines++;
        }
    }

    private static final int[] DIMS = {7, 3, 5, 1, 4, 0};

    private final Map<CubeKey, Sums> cube = new HashMap<>();
    private final Map<ProductKey, Sums> products = new HashMap<>();
    private final List<OrderLine> current = new ArrayList<>();

    /** Feeds the next line of the file. */
    public void accept(OrderLine line) {
        if (!current.isEmpty() && !current.getFirst().orderId().equals(line.orderId())) {
            closeOrder();
        }
        current.add(line);
    }

    /** Ends the file: the last order is complete. */
    public void finish() {
        if (!current.isEmpty()) closeOrder();
    }

    /** Cells and product-months summed so far (the memory the delta holds). */
    public int size() {
        return cube.size() + products.size();
    }

    /** Hands out the sums so far and starts afresh; the parts add up to the whole. */
    public RollupDelta drain() {
        RollupDelta part = new RollupDelta();
        part.cube.putAll(cube);
        part.products.putAll(products);
        cube.clear();
        products.clear();
        return part;
    }

    public Map<CubeKey, Sums> cube() {
        return cube;
    }

    public Map<ProductKey, Sums> products() {
        return products;
    }

    /** Product key and name as the product rollup keeps them: id, else name, else category / sub-category. */
    public static String productKey(OrderLine l) {
        return l.productId() != null ? l.productId() : l.productName() != null ? l.productName()
                : l.category() + " / " + l.subCategory();
    }

    public static String productName(OrderLine l) {
        return l.productName() != null ? l.productName() : l.productId() != null ? l.productId() : l.subCategory();
    }

    private void closeOrder() {
        // the order's attributes are those of its last line, as when stored
        OrderLine head = current.getLast();
        LocalDate day = head.orderDate(), month = day.withDayOfMonth(1);
        for (int dims : DIMS) {
            Set<CubeKey> counted = new HashSet<>();
            for (OrderLine l : current) {
                String category = (dims & 1) != 0 ? l.category() : "";
                String sub = (dims & 2) != 0 ? l.subCategory() : "";
                String mode = (dims & 4) != 0 ? l.paymentMode() : "";
                CubeKey dayKey = new CubeKey("d", dims, day, category, sub, mode, dims == 0 ? head.state() : "",
                        dims == 0 ? head.city() : "");
                CubeKey monthKey = new CubeKey("m", dims, month, category, sub, mode, head.state(), head.city());
                Sums daySums = cube.computeIfAbsent(dayKey, k -> new Sums());
                Sums monthSums = cube.computeIfAbsent(monthKey, k -> new Sums());
                daySums.add(l);
                monthSums.add(l);
                if (counted.add(dayKey)) {
                    daySums.orders++;
                    monthSums.orders++;
                }
            }
        }
        Set<ProductKey> counted = new HashSet<>();
        for (OrderLine l : current) {
            ProductKey key = new ProductKey(month, productKey(l));
            Sums s = products.computeIfAbsent(key, k -> new Sums());
            s.add(l);
            s.productName = productName(l);
            s.category = l.category();
            s.subCategory = l.subCategory();
            if (counted.add(key)) s.orders++;
        }
        current.clear();
    }

}
