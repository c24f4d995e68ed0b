package io.storefront.analytics.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an import's new lines add to the sales cube, the product rollup and the customers, computed
 * while the file is read, so that the database only merges pre-summed rows instead of grouping every
 * line five ways; and the import's orders with their totals, so that the database does not group the
 * lines by order either.
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

        /** Adds one order's lines in this cell, summed. */
        void addOrder(Sums orderLines) {
            orders++;
            revenueCents += orderLines.revenueCents;
            profitCents += orderLines.profitCents;
            units += orderLines.units;
            lines += orderLines.lines;
        }
    }

    /**
     * An order of the file with its totals; its attributes are those of its last line, and
     * {@code lastLine} is that line's position in the file (1 for the first line).
     */
    public record OrderTotals(String orderId, LocalDate day, String customerKey, String customerName, String state,
                              String city, long revenueCents, long profitCents, long units, int lines, long lastLine) {
    }

    /** What a customer's orders in the file add up to; name and place are those of the latest order. */
    public static final class CustomerSums {
        public String customerName, state, city, lastOrderId;
        public LocalDate firstDay, lastDay;
        public long orders, revenueCents, profitCents, units;

        void add(OrderTotals o) {
            // latest by day, then by order id, as the database picks a customer's latest order
            if (lastDay == null || o.day().isAfter(lastDay)
                    || (o.day().equals(lastDay) && o.orderId().compareTo(lastOrderId) > 0)) {
                lastDay = o.day();
                lastOrderId = o.orderId();
                customerName = o.customerName();
                state = o.state();
                city = o.city();
            }
            if (firstDay == null || o.day().isBefore(firstDay)) firstDay = o.day();
            orders++;
            revenueCents += o.revenueCents();
            profitCents += o.profitCents();
            units += o.units();
        }
    }

    public record CustomerMonth(String customerKey, LocalDate month) {
    }

    private static final int[] DIMS = {7, 3, 5, 1, 4, 0};

    private Map<CubeKey, Sums> cube = new HashMap<>();
    private Map<ProductKey, Sums> products = new HashMap<>();
    private Map<String, CustomerSums> customers = new HashMap<>();
    private Map<CustomerMonth, Sums> customerMonths = new HashMap<>();
    private List<OrderTotals> orders = new ArrayList<>();
    private final List<OrderLine> current = new ArrayList<>();
    private long position;
    private long ordersClosed, outOfOrder;
    private String lastOrderId;

    /** Feeds the next line of the file. */
    public void accept(OrderLine line) {
        if (!current.isEmpty() && !current.getFirst().orderId().equals(line.orderId())) {
            closeOrder();
        }
        current.add(line);
        position++;
    }

    /** Ends the file: the last order is complete. */
    public void finish() {
        if (!current.isEmpty()) closeOrder();
    }

    /** Cells, product-months, customers and customer-months summed so far (the memory the delta holds). */
    public int size() {
        return cube.size() + products.size() + customers.size() + customerMonths.size();
    }

    /**
     * Whether the file's orders came in ascending id order but for a few steps back (fewer than one in a
     * hundred): ids numbered without padding step back at each new digit ("SO-9", "SO-10"). Written in
     * that order, the orders' index is filled nearly in sequence, and sorting them first buys nothing.
     */
    public boolean ordersNearlyAscending() {
        return outOfOrder * 100 < ordersClosed;
    }

    /** Hands out the sums so far and starts afresh; the parts add up to the whole. Orders stay. */
    public RollupDelta drain() {
        // the maps change hands rather than being copied: a drain holds a few hundred thousand cells
        RollupDelta part = new RollupDelta();
        part.cube = cube;
        part.products = products;
        part.customers = customers;
        part.customerMonths = customerMonths;
        cube = new HashMap<>();
        products = new HashMap<>();
        customers = new HashMap<>();
        customerMonths = new HashMap<>();
        return part;
    }

    /** The orders completed since the last call, in file order. */
    public List<OrderTotals> takeOrders() {
        List<OrderTotals> taken = orders;
        orders = new ArrayList<>();
        return taken;
    }

    public Map<CubeKey, Sums> cube() {
        return cube;
    }

    public Map<ProductKey, Sums> products() {
        return products;
    }

    public Map<String, CustomerSums> customers() {
        return customers;
    }

    /** Orders and revenue per customer and month (in {@link Sums#orders} and {@link Sums#revenueCents}). */
    public Map<CustomerMonth, Sums> customerMonths() {
        return customerMonths;
    }

    /**
     * Sums in the order of their tables' primary keys. Staged in that order, a part's rows reach the
     * database's merges already sorted, which then only check the order instead of sorting (the cube of
     * 1M lines: grouping and ordering 257k rows took 2.0 s from hash order, 0.6 s presorted).
     */
    public record InKeyOrder(List<Map.Entry<CubeKey, Sums>> cube, List<Map.Entry<ProductKey, Sums>> products,
                             List<Map.Entry<String, CustomerSums>> customers,
                             List<Map.Entry<CustomerMonth, Sums>> customerMonths) {
    }

    public InKeyOrder inKeyOrder() {
        return new InKeyOrder(sorted(cube, RollupDelta::compareCubeKeys), sorted(products, RollupDelta::compareProductKeys),
                sorted(customers, String::compareTo), sorted(customerMonths, RollupDelta::compareCustomerMonths));
    }

    /**
     * The sales cube's primary key order: dims, grain, category, sub-category, payment mode, period, state,
     * city. Written out rather than chained from key extractors: it runs a few million times an import.
     */
    static int compareCubeKeys(CubeKey a, CubeKey b) {
        int c = Integer.compare(a.dims(), b.dims());
        if (c == 0) c = a.grain().compareTo(b.grain());
        if (c == 0) c = a.category().compareTo(b.category());
        if (c == 0) c = a.subCategory().compareTo(b.subCategory());
        if (c == 0) c = a.paymentMode().compareTo(b.paymentMode());
        if (c == 0) c = a.period().compareTo(b.period());
        if (c == 0) c = a.state().compareTo(b.state());
        if (c == 0) c = a.city().compareTo(b.city());
        return c;
    }

    static int compareProductKeys(ProductKey a, ProductKey b) {
        int c = a.month().compareTo(b.month());
        return c != 0 ? c : a.productKey().compareTo(b.productKey());
    }

    static int compareCustomerMonths(CustomerMonth a, CustomerMonth b) {
        int c = a.customerKey().compareTo(b.customerKey());
        return c != 0 ? c : a.month().compareTo(b.month());
    }

    private static <K, V> List<Map.Entry<K, V>> sorted(Map<K, V> sums, Comparator<? super K> order) {
        List<Map.Entry<K, V>> entries = new ArrayList<>(sums.entrySet());
        entries.sort(Map.Entry.comparingByKey(order));
        return entries;
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
        // the order's lines are summed per cell first (an order has a few lines: a list is quicker than a map),
        // then each cell goes to the cube once per grain, counting the order once
        List<CubeKey> cells = new ArrayList<>(current.size());
        List<Sums> cellSums = new ArrayList<>(current.size());
        for (int dims : DIMS) {
            cells.clear();
            cellSums.clear();
            for (OrderLine l : current) {
                CubeKey dayKey = new CubeKey("d", dims, day, (dims & 1) != 0 ? l.category() : "",
                        (dims & 2) != 0 ? l.subCategory() : "", (dims & 4) != 0 ? l.paymentMode() : "",
                        dims == 0 ? head.state() : "", dims == 0 ? head.city() : "");
                int at = cells.indexOf(dayKey);
                if (at < 0) {
                    at = cells.size();
                    cells.add(dayKey);
                    cellSums.add(new Sums());
                }
                cellSums.get(at).add(l);
            }
            for (int i = 0; i < cells.size(); i++) {
                CubeKey dayKey = cells.get(i);
                CubeKey monthKey = new CubeKey("m", dims, month, dayKey.category(), dayKey.subCategory(),
                        dayKey.paymentMode(), head.state(), head.city());
                cube.computeIfAbsent(dayKey, k -> new Sums()).addOrder(cellSums.get(i));
                cube.computeIfAbsent(monthKey, k -> new Sums()).addOrder(cellSums.get(i));
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
        long revenue = 0, profit = 0, units = 0;
        for (OrderLine l : current) {
            revenue += l.amountCents();
            profit += l.profitCents();
            units += l.quantity();
        }
        OrderTotals order = new OrderTotals(head.orderId(), day, head.customerKey(), head.customerName(), head.state(),
                head.city(), revenue, profit, units, current.size(), position);
        orders.add(order);
        ordersClosed++;
        if (lastOrderId != null && order.orderId().compareTo(lastOrderId) < 0) outOfOrder++;
        lastOrderId = order.orderId();
        customers.computeIfAbsent(order.customerKey(), k -> new CustomerSums()).add(order);
        Sums customerMonth = customerMonths.computeIfAbsent(new CustomerMonth(order.customerKey(), month), k -> new Sums());
        customerMonth.orders++;
        customerMonth.revenueCents += revenue;
        current.clear();
    }

}
