package io.storefront.analytics.repository;

import io.storefront.analytics.domain.OrderLine;
import io.storefront.analytics.domain.RollupDelta;
import io.storefront.analytics.domain.RollupDelta.CustomerSums;
import io.storefront.analytics.domain.RollupDelta.OrderTotals;
import io.storefront.analytics.domain.RollupDelta.Sums;
import io.storefront.analytics.service.PhaseTimes;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

/**
 * Writes an import's order lines and keeps the rollups in step, inside the caller's transaction.
 *
 * <p>While the file is read, its lines are copied to their table, one {@code COPY} per batch, and its
 * orders and the sums made while reading are copied to temporary tables; when the file is read, a
 * handful of set-based statements apply them. An order is the unit of replacement: the orders of the
 * import have their whole old contribution taken out of the rollups and their old lines deleted, then
 * their new lines contribute. Taking whole orders out and back in keeps distinct order counts exact
 * however an order's lines were spread over the file.
 *
 * <p>The import is the one place that uses JDBC rather than the reactive client: it needs {@code COPY}
 * (see {@link CopyRows}), and it is a long job on a worker thread of its own, never on the event loop.
 */
@ApplicationScoped
public class OrderLineRepository {

    /** Text compares in code point order, as in the stored tables (V10) and in the sums' order from Java. */
    private static final String CREATE_STAGING = """
            CREATE TEMP TABLE import_orders (
                order_id text COLLATE "C", order_date date, customer_key text COLLATE "C",
                customer_name text COLLATE "C", state text COLLATE "C", city text COLLATE "C", revenue_cents bigint,
                profit_cents bigint, units bigint, lines int, last_line bigint
            ) ON COMMIT DROP;
            CREATE TEMP TABLE delta_cube (
                grain "char", dims smallint, period date, category text COLLATE "C", sub_category text COLLATE "C",
                payment_mode text COLLATE "C", state text COLLATE "C", city text COLLATE "C", orders bigint,
                revenue bigint, profit bigint, units bigint, lines bigint
            ) ON COMMIT DROP;
            CREATE TEMP TABLE delta_product (
                period date, product_key text COLLATE "C", product_name text COLLATE "C", category text COLLATE "C",
                sub_category text COLLATE "C", orders bigint, revenue bigint, profit bigint, units bigint,
                lines bigint
            ) ON COMMIT DROP;
            CREATE TEMP TABLE delta_customers (
                customer_key text COLLATE "C", customer_name text COLLATE "C", state text COLLATE "C",
                city text COLLATE "C", first_day date, last_day date, last_order_id text COLLATE "C", orders bigint,
                revenue bigint, profit bigint, units bigint
            ) ON COMMIT DROP;
            CREATE TEMP TABLE delta_customer_months (
                customer_key text COLLATE "C", month date, orders bigint, revenue bigint
            ) ON COMMIT DROP""";

    /**
     * A batch of lines goes straight to its table, numbered by its place in the file: lines of replaced
     * orders are told apart by their import, and a copy through a staging table cost a fifth of an import.
     */
    private static final String COPY_LINES = """
            COPY analytics.order_lines (line_no, order_id, product_id, product_name, category, sub_category, quantity,
                                        amount_cents, profit_cents, payment_mode, import_id) FROM STDIN""";
    private static final String COPY_ORDERS = "COPY import_orders FROM STDIN";
    private static final String COPY_NEW_ORDERS = """
            COPY analytics.orders (order_id, order_date, customer_key, customer_name, state, city, import_id, change_seq,
                                   revenue_cents, profit_cents, units, lines) FROM STDIN""";
    private static final String COPY_CUBE = "COPY delta_cube FROM STDIN";
    private static final String COPY_PRODUCTS = "COPY delta_product FROM STDIN";
    private static final String COPY_CUSTOMERS = "COPY delta_customers FROM STDIN";
    private static final String COPY_CUSTOMER_MONTHS = "COPY delta_customer_months FROM STDIN";

    /** An order seen twice while reading: its lines were not consecutive, so the file was not grouped by order. */
    private static final String SCATTERED = """
            SELECT EXISTS (SELECT 1 FROM import_orders GROUP BY order_id HAVING count(*) > 1) AS scattered""";

    /**
     * For a file not grouped by order: the pieces of each order become one order (attributes of its last
     * line in the file, as for a grouped file), the sums made while reading are discarded, and the
     * customers' are made from the whole orders; the cube's are summed in SQL from the lines further on.
     */
    private static final String MERGE_SCATTERED = """
            TRUNCATE delta_cube, delta_product, delta_customers, delta_customer_months;
            CREATE TEMP TABLE whole_orders ON COMMIT DROP AS
            SELECT h.order_id, h.order_date, h.customer_key, h.customer_name, h.state, h.city,
                   t.revenue_cents, t.profit_cents, t.units, t.lines, h.last_line
              FROM (SELECT DISTINCT ON (order_id) * FROM import_orders ORDER BY order_id, last_line DESC) h
              JOIN (SELECT order_id, sum(revenue_cents) AS revenue_cents, sum(profit_cents) AS profit_cents,
                           sum(units) AS units, sum(lines) AS lines
                      FROM import_orders GROUP BY order_id) t USING (order_id);
            TRUNCATE import_orders;
            INSERT INTO import_orders SELECT * FROM whole_orders;
            INSERT INTO delta_customers
            SELECT customer_key, customer_name, state, city, order_date, order_date, order_id, 1, revenue_cents,
                   profit_cents, units
              FROM import_orders;
            INSERT INTO delta_customer_months
            SELECT customer_key, date_trunc('month', order_date::timestamp)::date, 1, revenue_cents FROM import_orders""";

    /**
     * The import's orders that are already stored (usually none: re-imports), and the customers whose
     * figures are recomputed from their orders because of them: the earlier and the new owners.
     */
    private static final String REPLACED = """
            CREATE TEMP TABLE replaced_orders ON COMMIT DROP AS
            SELECT o.order_id, o.customer_key FROM analytics.orders o JOIN import_orders i ON i.order_id = o.order_id;
            ANALYZE replaced_orders;
            CREATE TEMP TABLE recompute_customers ON COMMIT DROP AS
            SELECT customer_key FROM replaced_orders
             UNION
            SELECT i.customer_key FROM import_orders i JOIN replaced_orders r ON r.order_id = i.order_id;
            ANALYZE recompute_customers""";

    /**
     * Customers of replaced orders are recomputed from their orders (exact even when their first or last
     * order moved); every other customer of the import only gained orders, whose sums (made while reading)
     * are added, so the cost follows the import, not the store. A customer's latest order is the latest by
     * day, then by order id in code point order (as the import's reading compares them). {@code %1$s} is
     * {@link #NOT_RECOMPUTED}, or nothing when no customer is recomputed: the planner, expecting no rows
     * there, checks each of the sums against the empty table one by one (0.6 s of 1.6 s at 1M lines).
     */
    private static final String UPDATE_CUSTOMERS = """
            DELETE FROM analytics.customers c USING recompute_customers a WHERE c.customer_key = a.customer_key;
            INSERT INTO analytics.customers
            SELECT o.customer_key, (array_agg(o.customer_name ORDER BY o.order_date DESC, o.order_id COLLATE "C" DESC))[1],
                   (array_agg(o.state ORDER BY o.order_date DESC, o.order_id COLLATE "C" DESC))[1],
                   (array_agg(o.city ORDER BY o.order_date DESC, o.order_id COLLATE "C" DESC))[1],
                   min(o.order_date), max(o.order_date), count(*), sum(o.revenue_cents), sum(o.profit_cents), sum(o.units)
              FROM analytics.orders o JOIN recompute_customers a ON a.customer_key = o.customer_key
             GROUP BY o.customer_key;
            INSERT INTO analytics.customers AS c
            SELECT d.customer_key,
                   (array_agg(d.customer_name ORDER BY d.last_day DESC, d.last_order_id COLLATE "C" DESC))[1],
                   (array_agg(d.state ORDER BY d.last_day DESC, d.last_order_id COLLATE "C" DESC))[1],
                   (array_agg(d.city ORDER BY d.last_day DESC, d.last_order_id COLLATE "C" DESC))[1],
                   min(d.first_day), max(d.last_day), sum(d.orders), sum(d.revenue), sum(d.profit), sum(d.units)
              FROM delta_customers d
             %1$s
             GROUP BY d.customer_key
             ORDER BY d.customer_key
            ON CONFLICT (customer_key) DO UPDATE
               SET customer_name = CASE WHEN EXCLUDED.last_day >= c.last_day THEN EXCLUDED.customer_name ELSE c.customer_name END,
                   state = CASE WHEN EXCLUDED.last_day >= c.last_day THEN EXCLUDED.state ELSE c.state END,
                   city = CASE WHEN EXCLUDED.last_day >= c.last_day THEN EXCLUDED.city ELSE c.city END,
                   first_day = least(c.first_day, EXCLUDED.first_day),
                   last_day = greatest(c.last_day, EXCLUDED.last_day),
                   orders = c.orders + EXCLUDED.orders,
                   revenue_cents = c.revenue_cents + EXCLUDED.revenue_cents,
                   profit_cents = c.profit_cents + EXCLUDED.profit_cents,
                   units = c.units + EXCLUDED.units;
            DELETE FROM analytics.customer_months c USING recompute_customers a WHERE c.customer_key = a.customer_key;
            INSERT INTO analytics.customer_months
            SELECT o.customer_key, date_trunc('month', o.order_date::timestamp)::date, count(*), sum(o.revenue_cents)
              FROM analytics.orders o JOIN recompute_customers a ON a.customer_key = o.customer_key
             GROUP BY 1, 2;
            INSERT INTO analytics.customer_months AS m
            SELECT d.customer_key, d.month, sum(d.orders), sum(d.revenue)
              FROM delta_customer_months d
             %1$s
             GROUP BY 1, 2
             ORDER BY 1, 2
            ON CONFLICT (customer_key, month) DO UPDATE
               SET orders = m.orders + EXCLUDED.orders, revenue_cents = m.revenue_cents + EXCLUDED.revenue_cents""";

    private static final String NOT_RECOMPUTED =
            "WHERE NOT EXISTS (SELECT 1 FROM recompute_customers r WHERE r.customer_key = d.customer_key)";

    /**
     * Lines of a contribution: the stored lines of the import's orders that came before it, or the new ones
     * ({@code %1$s} is the import's id). The import's own lines are already in the table.
     */
    private static final String OLD_LINES = """
            SELECT o.order_id, o.order_date, o.state, o.city, l.product_id, l.product_name, l.category,
                   l.sub_category, l.payment_mode, l.quantity, l.amount_cents, l.profit_cents
              FROM replaced_orders r
              JOIN analytics.order_lines l ON l.order_id = r.order_id AND l.import_id <> %1$d
              JOIN analytics.orders o ON o.order_id = r.order_id""";
    private static final String NEW_LINES = """
            SELECT o.order_id, o.order_date, o.state, o.city, l.product_id, l.product_name, l.category,
                   l.sub_category, l.payment_mode, l.quantity, l.amount_cents, l.profit_cents
              FROM import_orders o JOIN analytics.order_lines l ON l.order_id = o.order_id AND l.import_id = %1$d""";

    /**
     * The change to the rollups, per order: taken-out orders with sign -1, written ones with +1.
     * {@code delta_lines} holds an order's lines summed per line cell, {@code delta_products} per product.
     */
    private static final String CREATE_DELTA = """
            CREATE TEMP TABLE delta_lines (
                sign int, order_id text COLLATE "C", day date, state text COLLATE "C", city text COLLATE "C",
                category text COLLATE "C", sub_category text COLLATE "C", payment_mode text COLLATE "C",
                revenue bigint, profit bigint, units bigint, lines bigint
            ) ON COMMIT DROP;
            CREATE TEMP TABLE delta_products (
                sign int, order_id text COLLATE "C", day date, product_key text COLLATE "C",
                product_name text COLLATE "C", category text COLLATE "C", sub_category text COLLATE "C",
                revenue bigint, profit bigint, units bigint, lines bigint
            ) ON COMMIT DROP""";

    private static final String ADD_DELTA = """
            INSERT INTO delta_lines
            SELECT %1$s, order_id, order_date, state, city, category, sub_category, payment_mode,
                   %1$s * sum(amount_cents), %1$s * sum(profit_cents), %1$s * sum(quantity), %1$s * count(*)
              FROM (%2$s) x GROUP BY 2, 3, 4, 5, 6, 7, 8;
            INSERT INTO delta_products
            SELECT %1$s, order_id, order_date, coalesce(product_id, product_name, category || ' / ' || sub_category),
                   max(coalesce(product_name, product_id, sub_category)), max(category), max(sub_category),
                   %1$s * sum(amount_cents), %1$s * sum(profit_cents), %1$s * sum(quantity), %1$s * count(*)
              FROM (%2$s) x GROUP BY 2, 3, 4""";

    /**
     * One row per order and cube cell: an order counts once in every cell it has a line in, whichever
     * dimensions the cell names (see V5__sales_cube.sql for the cube's layout).
     */
    private static final String DELTA_CELLS = """
            CREATE TEMP TABLE delta_cells ON COMMIT DROP AS
            SELECT sign, 7 AS dims, day, state, city, category, sub_category, payment_mode, revenue, profit, units, lines
              FROM delta_lines
            UNION ALL
            SELECT sign, 3, day, state, city, category, sub_category, '', sum(revenue), sum(profit), sum(units), sum(lines)
              FROM delta_lines GROUP BY sign, order_id, day, state, city, category, sub_category
            UNION ALL
            SELECT sign, 5, day, state, city, category, '', payment_mode, sum(revenue), sum(profit), sum(units), sum(lines)
              FROM delta_lines GROUP BY sign, order_id, day, state, city, category, payment_mode
            UNION ALL
            SELECT sign, 1, day, state, city, category, '', '', sum(revenue), sum(profit), sum(units), sum(lines)
              FROM delta_lines GROUP BY sign, order_id, day, state, city, category
            UNION ALL
            SELECT sign, 4, day, state, city, '', '', payment_mode, sum(revenue), sum(profit), sum(units), sum(lines)
              FROM delta_lines GROUP BY sign, order_id, day, state, city, payment_mode
            UNION ALL
            SELECT sign, 0, day, state, city, '', '', '', sum(revenue), sum(profit), sum(units), sum(lines)
              FROM delta_lines GROUP BY sign, order_id, day, state, city""";

    /** The per-order cells summed into cube rows of both grains, and products into month rows. */
    private static final String CELLS_TO_DELTA = """
            INSERT INTO delta_cube
            SELECT 'd', dims, day, category, sub_category, payment_mode, CASE WHEN dims = 0 THEN state ELSE '' END,
                   CASE WHEN dims = 0 THEN city ELSE '' END, sum(sign), sum(revenue), sum(profit), sum(units), sum(lines)
              FROM delta_cells GROUP BY 2, 3, 4, 5, 6, 7, 8;
            INSERT INTO delta_cube
            SELECT 'm', dims, date_trunc('month', day::timestamp)::date, category, sub_category, payment_mode, state, city,
                   sum(sign), sum(revenue), sum(profit), sum(units), sum(lines)
              FROM delta_cells GROUP BY 2, 3, 4, 5, 6, 7, 8;
            INSERT INTO delta_product
            SELECT date_trunc('month', day::timestamp)::date, product_key, max(product_name), max(category), max(sub_category),
                   sum(sign), sum(revenue), sum(profit), sum(units), sum(lines)
              FROM delta_products GROUP BY 1, 2""";

    /**
     * Adds the delta (staged from the file's reading, and summed from the per-order cells) to the cube as new
     * rows; {@link #APPLY_CUBE} merges it into rows that may exist.
     */
    private static final String INSERT_CUBE = """
            INSERT INTO analytics.sales_cube AS c
                   (dims, grain, category, sub_category, payment_mode, period, state, city,
                    orders, revenue_cents, profit_cents, units, lines)
            SELECT dims, grain, category, sub_category, payment_mode, period, state, city,
                   sum(orders), sum(revenue), sum(profit), sum(units), sum(lines)
              FROM delta_cube
             GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
            HAVING sum(orders) <> 0 OR sum(revenue) <> 0 OR sum(profit) <> 0 OR sum(units) <> 0 OR sum(lines) <> 0
             ORDER BY 1, 2, 3, 4, 5, 6, 7, 8""";
    private static final String APPLY_CUBE = INSERT_CUBE + """

            ON CONFLICT (dims, grain, category, sub_category, payment_mode, period, state, city) DO UPDATE
               SET orders = c.orders + EXCLUDED.orders,
                   revenue_cents = c.revenue_cents + EXCLUDED.revenue_cents,
                   profit_cents = c.profit_cents + EXCLUDED.profit_cents,
                   units = c.units + EXCLUDED.units,
                   lines = c.lines + EXCLUDED.lines""";

    /** Products are kept by month: a row per product and day would be nearly a row per order line. */
    private static final String INSERT_PRODUCTS = """
            INSERT INTO analytics.product_sales AS p
                   (grain, period, product_key, product_name, category, sub_category,
                    orders, revenue_cents, profit_cents, units, lines)
            SELECT 'm', period, product_key, max(product_name), max(category), max(sub_category),
                   sum(orders), sum(revenue), sum(profit), sum(units), sum(lines)
              FROM delta_product
             GROUP BY 2, 3
            HAVING sum(orders) <> 0 OR sum(revenue) <> 0 OR sum(profit) <> 0 OR sum(units) <> 0 OR sum(lines) <> 0
             ORDER BY 2, 3""";
    private static final String APPLY_PRODUCTS = INSERT_PRODUCTS + """

            ON CONFLICT (grain, period, product_key) DO UPDATE
               SET product_name = EXCLUDED.product_name,
                   orders = p.orders + EXCLUDED.orders,
                   revenue_cents = p.revenue_cents + EXCLUDED.revenue_cents,
                   profit_cents = p.profit_cents + EXCLUDED.profit_cents,
                   units = p.units + EXCLUDED.units,
                   lines = p.lines + EXCLUDED.lines""";

    /**
     * Whether the cube has sales in the delta's months. If not (a first import, or a file of months the store
     * has no sales in yet), none of the delta's cells can be in the cube, since every stored order has its
     * whole-order month row (dims 0), and the delta is inserted without the upsert's speculative insertion
     * (the cube of 1M lines: 3.1-3.3 s upserted, 2.0-2.6 s inserted). Imports run one at a time (the
     * data-version lock), so nothing adds cells in between.
     */
    private static final String CUBE_HAS_DELTA_MONTHS = """
            SELECT EXISTS (SELECT 1 FROM analytics.sales_cube c, (SELECT min(period) AS lo, max(period) AS hi FROM delta_cube) d
                            WHERE c.dims = 0 AND c.grain = 'm'
                              AND c.period BETWEEN date_trunc('month', d.lo::timestamp)::date AND d.hi)""";
    /** The same for product months, whose rows are keyed by month. */
    private static final String PRODUCTS_HAVE_DELTA_MONTHS = """
            SELECT EXISTS (SELECT 1 FROM analytics.product_sales p, (SELECT min(period) AS lo, max(period) AS hi FROM delta_product) d
                            WHERE p.grain = 'm' AND p.period BETWEEN d.lo AND d.hi)""";

    private static final String DELETE_OLD_LINES = """
            DELETE FROM analytics.order_lines l USING replaced_orders r WHERE l.order_id = r.order_id AND l.import_id <> ?""";

    /**
     * The import's orders that were not written while reading (see {@link ImportWrite#orders}) go in now,
     * after the versions they replace are deleted: delete and insert costs two thirds of an upsert
     * (measured: 2.9 s against 4.5 s for 476,150 orders). Orders of a file not nearly in id order are
     * sorted first, so that the primary key is filled in sequence ({@code %3$s}).
     */
    private static final String WRITE_ORDERS = """
            DELETE FROM analytics.orders o USING replaced_orders r WHERE o.order_id = r.order_id;
            INSERT INTO analytics.orders (order_id, order_date, customer_key, customer_name, state, city, import_id,
                                         change_seq, revenue_cents, profit_cents, units, lines)
            SELECT order_id, order_date, customer_key, customer_name, state, city, %1$d,
                   %2$d + last_line, revenue_cents, profit_cents, units, lines
              FROM import_orders %3$s""";

    /**
     * For a file not grouped by order: the orders written while reading go back to the staging table
     * (their last line is their change number less the import's base), so that the pieces of each order
     * can be put together. Only this import's orders have change numbers above its base.
     */
    private static final String ORDERS_WRITTEN_BACK_TO_STAGING = """
            INSERT INTO import_orders
            SELECT order_id, order_date, customer_key, customer_name, state, city, revenue_cents, profit_cents, units,
                   lines, change_seq - %1$d
              FROM analytics.orders WHERE change_seq > %1$d;
            DELETE FROM analytics.orders WHERE change_seq > %1$d""";

    /** Stored orders among a batch's ids: earlier versions to replace, or pieces of this import's scattered orders. */
    private static final String STORED_ORDERS = "SELECT order_id, import_id FROM analytics.orders WHERE order_id = ANY (?)";

    /** Cells whose every order moved away; partial indexes find them. */
    private static final String DROP_EMPTY_ROLLUP_ROWS = """
            DELETE FROM analytics.sales_cube WHERE lines = 0;
            DELETE FROM analytics.product_sales WHERE lines = 0""";


    /**
     * Starts writing import {@code importId} in {@code tx}, which must hold the data-version lock: the
     * import's change numbers are reserved from here to its commit, so they rise in commit order.
     */
    public ImportWrite begin(Connection tx, long importId) throws SQLException {
        Jdbc.execute(tx, CREATE_STAGING);
        return new ImportWrite(tx, importId, Jdbc.queryLong(tx, "SELECT nextval('analytics.order_change_seq')"));
    }

    /**
     * One import's writes, in the order it makes them: lines, orders and sums while the file is read, then
     * {@link #apply}. Change numbers are the import's base plus an order's last line (unique in the file):
     * a block reserved once rather than a {@code nextval} per order.
     */
    public static final class ImportWrite {

        private final Connection tx;
        private final long importId;
        private final long changeBase;
        private long linesWritten;
        private boolean orderSeenTwice;

        private ImportWrite(Connection tx, long importId, long changeBase) {
            this.tx = tx;
            this.importId = importId;
            this.changeBase = changeBase;
        }

        /** Writes the next batch of lines, numbered by their place in the file. */
        public int lines(List<OrderLine> batch) throws SQLException {
            try (CopyRows rows = CopyRows.start(tx, COPY_LINES)) {
                for (OrderLine l : batch) {
                    rows.number(++linesWritten).text(l.orderId()).text(l.productId()).text(l.productName())
                            .text(l.category()).text(l.subCategory()).number(l.quantity()).number(l.amountCents())
                            .number(l.profitCents()).text(l.paymentMode()).number(importId).endRow();
                }
                rows.finish();
            }
            return batch.size();
        }

        /**
         * Orders completed while reading, with their totals. Those the store does not have yet (nearly all,
         * as a rule) go straight to their table; the rest are staged for {@link #apply}: earlier versions
         * to replace, or an order met a second time in the file, which is then not grouped by order.
         * Writing new orders here saves staging them and copying them over (3.7 s of an import of 476,150).
         */
        public void orders(List<OrderTotals> orders) throws SQLException {
            if (orders.isEmpty()) return;
            Set<String> stored = new HashSet<>();
            try (PreparedStatement s = tx.prepareStatement(STORED_ORDERS)) {
                s.setArray(1, tx.createArrayOf("text", orders.stream().map(OrderTotals::orderId).toArray()));
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        stored.add(rows.getString(1));
                        if (rows.getLong(2) == importId) orderSeenTwice = true;
                    }
                }
            }
            Set<String> batchIds = new HashSet<>();
            List<OrderTotals> staged = new ArrayList<>();
            try (CopyRows rows = CopyRows.start(tx, COPY_NEW_ORDERS)) {
                for (OrderTotals o : orders) {
                    boolean firstInBatch = batchIds.add(o.orderId());
                    if (!firstInBatch) orderSeenTwice = true;
                    if (!firstInBatch || stored.contains(o.orderId())) {
                        staged.add(o);
                        continue;
                    }
                    rows.text(o.orderId()).date(o.day()).text(o.customerKey()).text(o.customerName()).text(o.state())
                            .text(o.city()).number(importId).number(changeBase + o.lastLine()).number(o.revenueCents())
                            .number(o.profitCents()).number(o.units()).number(o.lines()).endRow();
                }
                rows.finish();
            }
            if (staged.isEmpty()) return;
            try (CopyRows rows = CopyRows.start(tx, COPY_ORDERS)) {
                for (OrderTotals o : staged) {
                    rows.text(o.orderId()).date(o.day()).text(o.customerKey()).text(o.customerName()).text(o.state())
                            .text(o.city()).number(o.revenueCents()).number(o.profitCents()).number(o.units())
                            .number(o.lines()).number(o.lastLine()).endRow();
                }
                rows.finish();
            }
        }

        /** Stages (a drained part of) the rollup and customer sums made while reading. */
        public void sums(RollupDelta.InKeyOrder sums) throws SQLException {
            if (!sums.cube().isEmpty()) {
                try (CopyRows rows = CopyRows.start(tx, COPY_CUBE)) {
                    for (var cell : sums.cube()) {
                        var k = cell.getKey();
                        rows.text(k.grain()).number(k.dims()).date(k.period()).text(k.category()).text(k.subCategory())
                                .text(k.paymentMode()).text(k.state()).text(k.city());
                        sumColumns(rows, cell.getValue()).endRow();
                    }
                    rows.finish();
                }
            }
            if (!sums.products().isEmpty()) {
                try (CopyRows rows = CopyRows.start(tx, COPY_PRODUCTS)) {
                    for (var product : sums.products()) {
                        Sums v = product.getValue();
                        rows.date(product.getKey().month()).text(product.getKey().productKey()).text(v.productName)
                                .text(v.category).text(v.subCategory);
                        sumColumns(rows, v).endRow();
                    }
                    rows.finish();
                }
            }
            if (!sums.customers().isEmpty()) {
                try (CopyRows rows = CopyRows.start(tx, COPY_CUSTOMERS)) {
                    for (var customer : sums.customers()) {
                        CustomerSums c = customer.getValue();
                        rows.text(customer.getKey()).text(c.customerName).text(c.state).text(c.city).date(c.firstDay)
                                .date(c.lastDay).text(c.lastOrderId).number(c.orders).number(c.revenueCents)
                                .number(c.profitCents).number(c.units).endRow();
                    }
                    rows.finish();
                }
            }
            if (!sums.customerMonths().isEmpty()) {
                try (CopyRows rows = CopyRows.start(tx, COPY_CUSTOMER_MONTHS)) {
                    for (var month : sums.customerMonths()) {
                        rows.text(month.getKey().customerKey()).date(month.getKey().month())
                                .number(month.getValue().orders).number(month.getValue().revenueCents).endRow();
                    }
                    rows.finish();
                }
            }
        }

        /**
         * Replaces earlier versions of the import's orders and updates the rollups, once the file is read.
         * The rollup and customer sums were staged while reading; when the file turns out not to be grouped
         * by order, they are discarded and computed here instead. {@code ordersNearlyAscending}: see
         * {@link RollupDelta#ordersNearlyAscending}. {@code afterStep} hears how many steps are done.
         */
        public void apply(boolean ordersNearlyAscending, IntConsumer afterStep, PhaseTimes times) throws SQLException {
            // the block of change numbers ends with the file's last line
            Jdbc.execute(tx, "SELECT setval('analytics.order_change_seq', " + (changeBase + linesWritten) + ")");
            List<Map.Entry<String, PhaseTimes.Step<SQLException>>> steps =
                    steps(tx, importId, changeBase, orderSeenTwice, ordersNearlyAscending);
            for (int i = 0; i < steps.size(); i++) {
                var step = steps.get(i);
                times.run(step.getKey(), step.getValue());
                afterStep.accept(i + 1);
            }
        }
    }

    private static CopyRows sumColumns(CopyRows rows, Sums v) {
        return rows.number(v.orders).number(v.revenueCents).number(v.profitCents).number(v.units).number(v.lines);
    }

    /** How many steps {@link ImportWrite#apply} reports progress for. */
    public static final int APPLY_STEPS = 15;

    /** Memory for each sort or hash of the merges; the rest of the import keeps the server's setting. */
    private static final String MERGE_WORK_MEM = "64MB";

    private static List<Map.Entry<String, PhaseTimes.Step<SQLException>>> steps(
            Connection tx, long importId, long changeBase, boolean orderSeenTwice, boolean ordersNearlyAscending) {
        AtomicBoolean scattered = new AtomicBoolean();
        List<Map.Entry<String, PhaseTimes.Step<SQLException>>> steps = List.of(
                step("grouping check", () -> {
                    scattered.set(orderSeenTwice || Jdbc.queryBoolean(tx, SCATTERED));
                    if (scattered.get()) {
                        Jdbc.execute(tx, ORDERS_WRITTEN_BACK_TO_STAGING.formatted(changeBase));
                        Jdbc.execute(tx, MERGE_SCATTERED);
                    }
                }),
                // temp tables have no statistics until analysed; without them the joins below go wrong
                step("analyze", () -> Jdbc.execute(tx, "ANALYZE import_orders")),
                step("replaced orders", () -> Jdbc.execute(tx, REPLACED)),
                step("delta table", () -> Jdbc.execute(tx, CREATE_DELTA)),
                step("old lines out of the sums",
                        () -> Jdbc.execute(tx, ADD_DELTA.formatted("-1", OLD_LINES.formatted(importId)))),
                step("old lines deleted", () -> {
                    try (PreparedStatement s = tx.prepareStatement(DELETE_OLD_LINES)) {
                        s.setLong(1, importId);
                        s.executeUpdate();
                    }
                }),
                // the steps from here sort or group a few hundred thousand staged rows each: in memory instead
                // of on disk (measured: the cube's grouping 2.1 s with the default 4 MB, 0.6 s with enough)
                step("merge memory", () -> Jdbc.execute(tx, "SET LOCAL work_mem = '" + MERGE_WORK_MEM + "'")),
                step("orders", () -> Jdbc.execute(tx, WRITE_ORDERS.formatted(importId, changeBase,
                        ordersNearlyAscending ? "" : "ORDER BY order_id"))),
                step("new lines summed (scattered file)", () -> {
                    if (scattered.get()) Jdbc.execute(tx, ADD_DELTA.formatted("1", NEW_LINES.formatted(importId)));
                }),
                step("delta cells", () -> Jdbc.execute(tx, DELTA_CELLS)),
                step("cells to delta", () -> Jdbc.execute(tx, CELLS_TO_DELTA)),
                // the staged sums arrive in key order (see RollupDelta.InKeyOrder): grouping by sorting them
                // leaves them in the order the merges insert in, where hashing needs a sort of its output again;
                // sums of replaced or scattered orders come from SQL unsorted, and hashing them stays quicker
                // (a re-import of 1M lines: cube merge 1.1 s hashed, 2.1 s sorted)
                step("cube merge", () -> {
                    boolean summedInSql = scattered.get()
                            || Jdbc.queryBoolean(tx, "SELECT EXISTS (SELECT 1 FROM replaced_orders)");
                    Jdbc.execute(tx, "SET LOCAL enable_hashagg = " + (summedInSql ? "on" : "off") + ";\n"
                            + (Jdbc.queryBoolean(tx, CUBE_HAS_DELTA_MONTHS) ? APPLY_CUBE : INSERT_CUBE));
                }),
                step("product months merge", () -> Jdbc.execute(tx,
                        Jdbc.queryBoolean(tx, PRODUCTS_HAVE_DELTA_MONTHS) ? APPLY_PRODUCTS : INSERT_PRODUCTS)),
                step("empty rollup rows", () -> Jdbc.execute(tx, DROP_EMPTY_ROLLUP_ROWS)),
                step("customers", () -> {
                    boolean recompute = Jdbc.queryBoolean(tx, "SELECT EXISTS (SELECT 1 FROM recompute_customers)");
                    Jdbc.execute(tx, UPDATE_CUSTOMERS.formatted(recompute ? NOT_RECOMPUTED : "")
                            + ";\nSET LOCAL work_mem TO DEFAULT;\nSET LOCAL enable_hashagg TO DEFAULT");
                }));
        if (steps.size() != APPLY_STEPS) throw new IllegalStateException("APPLY_STEPS is out of date");
        return steps;
    }

    private static Map.Entry<String, PhaseTimes.Step<SQLException>> step(String name, PhaseTimes.Step<SQLException> run) {
        return Map.entry(name, run);
    }

}
