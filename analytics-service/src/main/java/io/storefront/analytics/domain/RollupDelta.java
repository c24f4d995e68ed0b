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
 * seen so far) work that way; when an order turns up again after another one, the delta is marked
 * unusable ({@link #usable()}) and the import computes the rollups in SQL instead. Orders seen are
 * remembered as 64-bit hashes (a collision only sends the import down the SQL path).
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
    private final LongSet closedOrders = new LongSet();
    private final List<OrderLine> current = new ArrayList<>();
    private boolean usable = true;

    /** Feeds the next line of the file. */
    public void accept(OrderLine line) {
        if (!usable) return;
        if (!current.isEmpty() && !current.getFirst().orderId().equals(line.orderId())) {
            closeOrder();
        }
        if (current.isEmpty() && !closedOrders.add(hash(line.orderId()))) {
            usable = false;
            cube.clear();
            products.clear();
            current.clear();
            return;
        }
        current.add(line);
    }

    /** Ends the file: the last order is complete. */
    public void finish() {
        if (usable && !current.isEmpty()) closeOrder();
    }

    public boolean usable() {
        return usable;
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

    /** FNV-1a 64 of the id's characters. */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** An open-addressing set of longs: 8 bytes an entry instead of an object per order. */
    static final class LongSet {
        private long[] slots = new long[1 << 16];
        private boolean hasZero;
        private int size;

        /** Adds {@code v}; false when it was there already. */
        boolean add(long v) {
            if (v == 0) {
                boolean added = !hasZero;
                hasZero = true;
                return added;
            }
            if (size * 2 >= slots.length) grow();
            int mask = slots.length - 1;
            int i = (int) (mix(v) & mask);
            while (slots[i] != 0) {
                if (slots[i] == v) return false;
                i = (i + 1) & mask;
            }
            slots[i] = v;
            size++;
            return true;
        }

        private void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            int mask = slots.length - 1;
            for (long v : old) {
                if (v == 0) continue;
                int i = (int) (mix(v) & mask);
                while (slots[i] != 0) i = (i + 1) & mask;
                slots[i] = v;
            }
        }

        private static long mix(long v) {
            v ^= v >>> 33;
            v *= 0xff51afd7ed558ccdL;
            v ^= v >>> 33;
            return v;
        }
    }
}
