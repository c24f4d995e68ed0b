package io.storefront.analytics.repository;

import io.smallrye.mutiny.Uni;
import io.storefront.analytics.domain.OrderLine;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes an import's order lines and keeps the rollups in step, inside the caller's transaction.
 *
 * <p>Rows are first staged in a temporary table, one round trip per batch; when the file is read,
 * a handful of set-based statements apply them. An order is the unit of replacement: the orders of
 * the import have their whole old contribution taken out of the rollups and their old lines
 * deleted, then their new lines are written and contribute. Taking whole orders out and back in
 * keeps distinct order counts exact however an order's lines were spread over the file.
 */
@ApplicationScoped
public class OrderLineRepository {

    private static final String CREATE_STAGING = """
            CREATE TEMP TABLE import_lines (
                seq bigint, order_id text, order_date date, customer_key text, customer_name text, state text,
                city text, product_id text, product_name text, category text, sub_category text, quantity int,
                amount_cents bigint, profit_cents bigint, payment_mode text
            ) ON COMMIT DROP;
            CREATE TEMP TABLE delta_cube (
                grain "char", dims smallint, period date, category text, sub_category text, payment_mode text,
                state text, city text, orders bigint, revenue bigint, profit bigint, units bigint, lines bigint
            ) ON COMMIT DROP;
            CREATE TEMP TABLE delta_product (
                period date, product_key text, product_name text, category text, sub_category text,
                orders bigint, revenue bigint, profit bigint, units bigint, lines bigint
            ) ON COMMIT DROP""";

    private static final String STAGE_CUBE = """
            INSERT INTO delta_cube
            SELECT * FROM unnest($1::"char"[], $2::smallint[], $3::date[], $4::text[], $5::text[], $6::text[], $7::text[],
                                 $8::text[], $9::bigint[], $10::bigint[], $11::bigint[], $12::bigint[], $13::bigint[])""";

    private static final String STAGE_PRODUCTS = """
            INSERT INTO delta_product
            SELECT * FROM unnest($1::date[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[],
                                 $8::bigint[], $9::bigint[], $10::bigint[])""";

    private static final String STAGE = """
            INSERT INTO import_lines
            SELECT $15 + ord, oid, day, ckey, cname, st, ct, pid, pname, cat, sub, qty, amt, prf, pay
              FROM unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                          $8::text[], $9::text[], $10::text[], $11::int[], $12::bigint[], $13::bigint[], $14::text[])
                   WITH ORDINALITY AS t(oid, day, ckey, cname, st, ct, pid, pname, cat, sub, qty, amt, prf, pay, ord)""";

    /** The import's orders with their totals; where an order's rows disagree on its attributes, the last row wins. */
    private static final String STAGE_ORDERS = """
            CREATE TEMP TABLE import_orders ON COMMIT DROP AS
            SELECT h.*, t.revenue_cents, t.profit_cents, t.units, t.lines, t.span
              FROM (SELECT DISTINCT ON (order_id) order_id, order_date, customer_key, customer_name, state, city
                      FROM import_lines ORDER BY order_id, seq DESC) h
              JOIN (SELECT order_id, sum(amount_cents) AS revenue_cents, sum(profit_cents) AS profit_cents,
                           sum(quantity) AS units, count(*) AS lines, max(seq) - min(seq) + 1 AS span
                      FROM import_lines GROUP BY order_id) t USING (order_id)""";

    /** An order whose staged lines are not consecutive: the file was not grouped by order. */
    private static final String SCATTERED = "SELECT EXISTS (SELECT 1 FROM import_orders WHERE span <> lines) AS scattered";

    /** The delta summed while reading counted orders wrongly; it goes, and SQL sums the new lines. */
    private static final String DISCARD_READ_DELTA = "TRUNCATE delta_cube, delta_product";

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
     * order moved); every other customer of the import only gained orders, which are added, so the cost
     * follows the import, not the store.
     */
    private static final String UPDATE_CUSTOMERS = """
            DELETE FROM analytics.customers c USING recompute_customers a WHERE c.customer_key = a.customer_key;
            INSERT INTO analytics.customers
            SELECT o.customer_key, (array_agg(o.customer_name ORDER BY o.order_date DESC, o.order_id DESC))[1],
                   (array_agg(o.state ORDER BY o.order_date DESC, o.order_id DESC))[1],
                   (array_agg(o.city ORDER BY o.order_date DESC, o.order_id DESC))[1],
                   min(o.order_date), max(o.order_date), count(*), sum(o.revenue_cents), sum(o.profit_cents), sum(o.units)
              FROM analytics.orders o JOIN recompute_customers a ON a.customer_key = o.customer_key
             GROUP BY o.customer_key;
            INSERT INTO analytics.customers AS c
            SELECT i.customer_key, (array_agg(i.customer_name ORDER BY i.order_date DESC, i.order_id DESC))[1],
                   (array_agg(i.state ORDER BY i.order_date DESC, i.order_id DESC))[1],
                   (array_agg(i.city ORDER BY i.order_date DESC, i.order_id DESC))[1],
                   min(i.order_date), max(i.order_date), count(*), sum(i.revenue_cents), sum(i.profit_cents), sum(i.units)
              FROM import_orders i
             WHERE NOT EXISTS (SELECT 1 FROM recompute_customers r WHERE r.customer_key = i.customer_key)
             GROUP BY i.customer_key
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
            SELECT o.customer_key, date_trunc('month', o.order_date)::date, count(*), sum(o.revenue_cents)
              FROM analytics.orders o JOIN recompute_customers a ON a.customer_key = o.customer_key
             GROUP BY 1, 2;
            INSERT INTO analytics.customer_months AS m
            SELECT i.customer_key, date_trunc('month', i.order_date)::date, count(*), sum(i.revenue_cents)
              FROM import_orders i
             WHERE NOT EXISTS (SELECT 1 FROM recompute_customers r WHERE r.customer_key = i.customer_key)
             GROUP BY 1, 2
            ON CONFLICT (customer_key, month) DO UPDATE
               SET orders = m.orders + EXCLUDED.orders, revenue_cents = m.revenue_cents + EXCLUDED.revenue_cents""";

    /** Lines of a contribution: the stored lines of the import's orders, or the staged new ones. */
    private static final String OLD_LINES = """
            SELECT o.order_id, o.order_date, o.state, o.city, l.product_id, l.product_name, l.category,
                   l.sub_category, l.payment_mode, l.quantity, l.amount_cents, l.profit_cents
              FROM replaced_orders r
              JOIN analytics.order_lines l ON l.order_id = r.order_id
              JOIN analytics.orders o ON o.order_id = r.order_id""";
    private static final String NEW_LINES = """
            SELECT o.order_id, o.order_date, o.state, o.city, l.product_id, l.product_name, l.category,
                   l.sub_category, l.payment_mode, l.quantity, l.amount_cents, l.profit_cents
              FROM import_lines l JOIN import_orders o ON o.order_id = l.order_id""";

    /**
     * The change to the rollups, per order: taken-out orders with sign -1, written ones with +1.
     * {@code delta_lines} holds an order's lines summed per line cell, {@code delta_products} per product.
     */
    private static final String CREATE_DELTA = """
            CREATE TEMP TABLE delta_lines (
                sign int, order_id text, day date, state text, city text, category text, sub_category text,
                payment_mode text, revenue bigint, profit bigint, units bigint, lines bigint
            ) ON COMMIT DROP;
            CREATE TEMP TABLE delta_products (
                sign int, order_id text, day date, product_key text, product_name text, category text,
                sub_category text, revenue bigint, profit bigint, units bigint, lines bigint
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
            SELECT 'm', dims, date_trunc('month', day)::date, category, sub_category, payment_mode, state, city,
                   sum(sign), sum(revenue), sum(profit), sum(units), sum(lines)
              FROM delta_cells GROUP BY 2, 3, 4, 5, 6, 7, 8;
            INSERT INTO delta_product
            SELECT date_trunc('month', day)::date, product_key, max(product_name), max(category), max(sub_category),
                   sum(sign), sum(revenue), sum(profit), sum(units), sum(lines)
              FROM delta_products GROUP BY 1, 2""";

    /** Merges the delta (staged from the file's reading, and summed from the per-order cells) into the cube. */
    private static final String APPLY_CUBE = """
            INSERT INTO analytics.sales_cube AS c
                   (dims, grain, category, sub_category, payment_mode, period, state, city,
                    orders, revenue_cents, profit_cents, units, lines)
            SELECT dims, grain, category, sub_category, payment_mode, period, state, city,
                   sum(orders), sum(revenue), sum(profit), sum(units), sum(lines)
              FROM delta_cube
             GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
            HAVING sum(orders) <> 0 OR sum(revenue) <> 0 OR sum(profit) <> 0 OR sum(units) <> 0 OR sum(lines) <> 0
            ON CONFLICT (dims, grain, category, sub_category, payment_mode, period, state, city) DO UPDATE
               SET orders = c.orders + EXCLUDED.orders,
                   revenue_cents = c.revenue_cents + EXCLUDED.revenue_cents,
                   profit_cents = c.profit_cents + EXCLUDED.profit_cents,
                   units = c.units + EXCLUDED.units,
                   lines = c.lines + EXCLUDED.lines""";

    /** Products are kept by month: a row per product and day would be nearly a row per order line. */
    private static final String APPLY_PRODUCTS = """
            INSERT INTO analytics.product_sales AS p
                   (grain, period, product_key, product_name, category, sub_category,
                    orders, revenue_cents, profit_cents, units, lines)
            SELECT 'm', period, product_key, max(product_name), max(category), max(sub_category),
                   sum(orders), sum(revenue), sum(profit), sum(units), sum(lines)
              FROM delta_product
             GROUP BY 2, 3
            HAVING sum(orders) <> 0 OR sum(revenue) <> 0 OR sum(profit) <> 0 OR sum(units) <> 0 OR sum(lines) <> 0
            ON CONFLICT (grain, period, product_key) DO UPDATE
               SET product_name = EXCLUDED.product_name,
                   orders = p.orders + EXCLUDED.orders,
                   revenue_cents = p.revenue_cents + EXCLUDED.revenue_cents,
                   profit_cents = p.profit_cents + EXCLUDED.profit_cents,
                   units = p.units + EXCLUDED.units,
                   lines = p.lines + EXCLUDED.lines""";

    private static final String DELETE_OLD_LINES = """
            DELETE FROM analytics.order_lines l USING replaced_orders r WHERE l.order_id = r.order_id""";

    private static final String UPSERT_ORDERS = """
            INSERT INTO analytics.orders (order_id, order_date, customer_key, customer_name, state, city, import_id,
                                         change_seq, revenue_cents, profit_cents, units, lines)
            SELECT order_id, order_date, customer_key, customer_name, state, city, $1,
                   nextval('analytics.order_change_seq'), revenue_cents, profit_cents, units, lines
              FROM (SELECT * FROM import_orders ORDER BY order_id) ordered
            ON CONFLICT (order_id) DO UPDATE
               SET order_date = EXCLUDED.order_date, customer_key = EXCLUDED.customer_key,
                   customer_name = EXCLUDED.customer_name, state = EXCLUDED.state, city = EXCLUDED.city,
                   import_id = EXCLUDED.import_id, change_seq = EXCLUDED.change_seq,
                   revenue_cents = EXCLUDED.revenue_cents, profit_cents = EXCLUDED.profit_cents,
                   units = EXCLUDED.units, lines = EXCLUDED.lines""";

    private static final String INSERT_LINES = """
            INSERT INTO analytics.order_lines (order_id, product_id, product_name, category, sub_category, quantity,
                                              amount_cents, profit_cents, payment_mode, import_id)
            SELECT order_id, product_id, product_name, category, sub_category, quantity, amount_cents, profit_cents,
                   payment_mode, $1
              FROM import_lines ORDER BY seq""";

    /** Cells whose every order moved away; partial indexes find them. */
    private static final String DROP_EMPTY_ROLLUP_ROWS = """
            DELETE FROM analytics.sales_cube WHERE lines = 0;
            DELETE FROM analytics.product_sales WHERE lines = 0""";

    /** Creates the import's staging table; it disappears with the transaction. */
    public Uni<Void> createStaging(SqlConnection tx) {
        return tx.query(CREATE_STAGING).execute().replaceWithVoid();
    }

    /** Stages one batch; {@code offset} is the number of lines staged before it (keeps file order). */
    public Uni<Integer> stage(SqlConnection tx, List<OrderLine> batch, long offset) {
        int n = batch.size();
        String[] orderId = new String[n], customerKey = new String[n], customerName = new String[n],
                state = new String[n], city = new String[n], productId = new String[n], productName = new String[n],
                category = new String[n], subCategory = new String[n], payment = new String[n];
        LocalDate[] day = new LocalDate[n];
        Integer[] quantity = new Integer[n];
        Long[] amount = new Long[n], profit = new Long[n];
        for (int i = 0; i < n; i++) {
            OrderLine l = batch.get(i);
            orderId[i] = l.orderId();
            day[i] = l.orderDate();
            customerKey[i] = l.customerKey();
            customerName[i] = l.customerName();
            state[i] = l.state();
            city[i] = l.city();
            productId[i] = l.productId();
            productName[i] = l.productName();
            category[i] = l.category();
            subCategory[i] = l.subCategory();
            quantity[i] = l.quantity();
            amount[i] = l.amountCents();
            profit[i] = l.profitCents();
            payment[i] = l.paymentMode();
        }
        return tx.preparedQuery(STAGE).execute(Tuple.from(List.of(orderId, day, customerKey, customerName, state, city,
                        productId, productName, category, subCategory, quantity, amount, profit, payment, offset)))
                .replaceWith(n);
    }

    /**
     * Applies the staged lines of import {@code importId}: replaces their orders and updates the rollups.
     * The new lines' rollup delta was staged while reading (see {@link #stageDelta}); when the file turns
     * out not to be grouped by order, that delta is discarded and computed here instead. The caller holds
     * the data-version lock, so change numbers are assigned in commit order.
     */
    public Uni<Void> applyStaged(SqlConnection tx, long importId, java.util.function.IntFunction<Uni<Void>> afterStep,
                                 io.storefront.analytics.service.PhaseTimes times) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        List<java.util.Map.Entry<String, java.util.function.Supplier<Uni<?>>>> steps = steps(tx, importId);
        for (int i = 0; i < steps.size(); i++) {
            var step = steps.get(i);
            int done = i + 1;
            chain = chain.chain(() -> times.time(step.getKey(), step.getValue().get())).chain(() -> afterStep.apply(done));
        }
        return chain;
    }

    /** Stages the rollup delta summed while reading, in batches of {@code batchSize} rows. */
    public Uni<Void> stageDelta(SqlConnection tx, io.storefront.analytics.domain.RollupDelta delta, int batchSize) {
        List<java.util.Map.Entry<io.storefront.analytics.domain.RollupDelta.CubeKey, io.storefront.analytics.domain.RollupDelta.Sums>> cells =
                new java.util.ArrayList<>(delta.cube().entrySet());
        List<java.util.Map.Entry<io.storefront.analytics.domain.RollupDelta.ProductKey, io.storefront.analytics.domain.RollupDelta.Sums>> products =
                new java.util.ArrayList<>(delta.products().entrySet());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < cells.size(); from += batchSize) {
            var batch = cells.subList(from, Math.min(cells.size(), from + batchSize));
            chain = chain.chain(() -> stageCubeBatch(tx, batch));
        }
        for (int from = 0; from < products.size(); from += batchSize) {
            var batch = products.subList(from, Math.min(products.size(), from + batchSize));
            chain = chain.chain(() -> stageProductBatch(tx, batch));
        }
        return chain;
    }

    private Uni<Void> stageCubeBatch(SqlConnection tx, List<java.util.Map.Entry<io.storefront.analytics.domain.RollupDelta.CubeKey,
            io.storefront.analytics.domain.RollupDelta.Sums>> batch) {
        int n = batch.size();
        String[] grain = new String[n], category = new String[n], sub = new String[n], mode = new String[n],
                state = new String[n], city = new String[n];
        Short[] dims = new Short[n];
        LocalDate[] period = new LocalDate[n];
        Long[] orders = new Long[n], revenue = new Long[n], profit = new Long[n], units = new Long[n], lines = new Long[n];
        for (int i = 0; i < n; i++) {
            var k = batch.get(i).getKey();
            var v = batch.get(i).getValue();
            grain[i] = k.grain();
            dims[i] = (short) k.dims();
            period[i] = k.period();
            category[i] = k.category();
            sub[i] = k.subCategory();
            mode[i] = k.paymentMode();
            state[i] = k.state();
            city[i] = k.city();
            orders[i] = v.orders;
            revenue[i] = v.revenueCents;
            profit[i] = v.profitCents;
            units[i] = v.units;
            lines[i] = v.lines;
        }
        return tx.preparedQuery(STAGE_CUBE).execute(Tuple.from(List.of(grain, dims, period, category, sub, mode, state,
                city, orders, revenue, profit, units, lines))).replaceWithVoid();
    }

    private Uni<Void> stageProductBatch(SqlConnection tx, List<java.util.Map.Entry<io.storefront.analytics.domain.RollupDelta.ProductKey,
            io.storefront.analytics.domain.RollupDelta.Sums>> batch) {
        int n = batch.size();
        LocalDate[] period = new LocalDate[n];
        String[] key = new String[n], name = new String[n], category = new String[n], sub = new String[n];
        Long[] orders = new Long[n], revenue = new Long[n], profit = new Long[n], units = new Long[n], lines = new Long[n];
        for (int i = 0; i < n; i++) {
            var k = batch.get(i).getKey();
            var v = batch.get(i).getValue();
            period[i] = k.month();
            key[i] = k.productKey();
            name[i] = v.productName;
            category[i] = v.category;
            sub[i] = v.subCategory;
            orders[i] = v.orders;
            revenue[i] = v.revenueCents;
            profit[i] = v.profitCents;
            units[i] = v.units;
            lines[i] = v.lines;
        }
        return tx.preparedQuery(STAGE_PRODUCTS).execute(Tuple.from(List.of(period, key, name, category, sub, orders,
                revenue, profit, units, lines))).replaceWithVoid();
    }

    /** How many steps {@link #applyStaged} reports progress for. */
    public static final int APPLY_STEPS = 16;

    private List<java.util.Map.Entry<String, java.util.function.Supplier<Uni<?>>>> steps(SqlConnection tx, long importId) {
        java.util.concurrent.atomic.AtomicBoolean scattered = new java.util.concurrent.atomic.AtomicBoolean();
        List<java.util.Map.Entry<String, java.util.function.Supplier<Uni<?>>>> steps = List.of(
                step("orders of the file", () -> tx.query(STAGE_ORDERS).execute()),
                // temp tables have no statistics until analysed; without them the joins below go wrong
                step("analyze", () -> tx.query("ANALYZE import_lines, import_orders").execute()),
                step("grouping check", () -> tx.query(SCATTERED).execute().invoke(rows -> scattered.set(rows.iterator().next().getBoolean(0)))
                        .chain(() -> scattered.get() ? tx.query(DISCARD_READ_DELTA).execute() : Uni.createFrom().nullItem())),
                step("replaced orders", () -> tx.query(REPLACED).execute()),
                step("delta table", () -> tx.query(CREATE_DELTA).execute()),
                step("old lines out of the sums", () -> tx.query(ADD_DELTA.formatted("-1", OLD_LINES)).execute()),
                step("old lines deleted", () -> tx.query(DELETE_OLD_LINES).execute()),
                step("orders upsert", () -> tx.preparedQuery(UPSERT_ORDERS).execute(Tuple.of(importId))),
                step("lines insert", () -> tx.preparedQuery(INSERT_LINES).execute(Tuple.of(importId))),
                step("new lines summed (scattered file)", () -> scattered.get()
                        ? tx.query(ADD_DELTA.formatted("1", NEW_LINES)).execute() : Uni.createFrom().voidItem()),
                step("delta cells", () -> tx.query(DELTA_CELLS).execute()),
                step("cells to delta", () -> tx.query(CELLS_TO_DELTA).execute()),
                step("cube merge", () -> tx.query(APPLY_CUBE).execute()),
                step("product months merge", () -> tx.query(APPLY_PRODUCTS).execute()),
                step("empty rollup rows", () -> tx.query(DROP_EMPTY_ROLLUP_ROWS).execute()),
                step("customers", () -> tx.query(UPDATE_CUSTOMERS).execute()));
        if (steps.size() != APPLY_STEPS) throw new IllegalStateException("APPLY_STEPS is out of date");
        return steps;
    }

    private static java.util.Map.Entry<String, java.util.function.Supplier<Uni<?>>> step(String name,
                                                                                       java.util.function.Supplier<Uni<?>> run) {
        return java.util.Map.entry(name, run);
    }
}
