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
            ) ON COMMIT DROP""";

    private static final String STAGE = """
            INSERT INTO import_lines
            SELECT $15 + ord, oid, day, ckey, cname, st, ct, pid, pname, cat, sub, qty, amt, prf, pay
              FROM unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                          $8::text[], $9::text[], $10::text[], $11::int[], $12::bigint[], $13::bigint[], $14::text[])
                   WITH ORDINALITY AS t(oid, day, ckey, cname, st, ct, pid, pname, cat, sub, qty, amt, prf, pay, ord)""";

    /** The import's orders; where an order's rows disagree on its attributes, the last row wins. */
    private static final String STAGE_ORDERS = """
            CREATE TEMP TABLE import_orders ON COMMIT DROP AS
            SELECT DISTINCT ON (order_id) order_id, order_date, customer_key, customer_name, state, city
              FROM import_lines ORDER BY order_id, seq DESC""";

    /** Lines of a contribution: the stored lines of the import's orders, or the staged new ones. */
    private static final String OLD_LINES = """
            SELECT o.order_id, o.order_date, o.state, o.city, l.category, l.sub_category, l.payment_mode,
                   l.quantity, l.amount_cents, l.profit_cents
              FROM analytics.order_lines l
              JOIN analytics.orders o ON o.order_id = l.order_id
              JOIN import_orders i ON i.order_id = l.order_id""";
    private static final String NEW_LINES = """
            SELECT o.order_id, o.order_date, o.state, o.city, l.category, l.sub_category, l.payment_mode,
                   l.quantity, l.amount_cents, l.profit_cents
              FROM import_lines l JOIN import_orders o ON o.order_id = l.order_id""";

    private static final String CONTRIBUTE_SALES = """
            INSERT INTO analytics.sales_daily AS s
                   (day, category, sub_category, state, city, payment_mode, revenue_cents, profit_cents, units, lines)
            SELECT order_date, category, sub_category, state, city, payment_mode,
                   %1$s * sum(amount_cents), %1$s * sum(profit_cents), %1$s * sum(quantity), %1$s * count(*)
              FROM (%2$s) x
             GROUP BY 1, 2, 3, 4, 5, 6
            ON CONFLICT (day, category, sub_category, state, city, payment_mode) DO UPDATE
               SET revenue_cents = s.revenue_cents + EXCLUDED.revenue_cents,
                   profit_cents = s.profit_cents + EXCLUDED.profit_cents,
                   units = s.units + EXCLUDED.units,
                   lines = s.lines + EXCLUDED.lines""";

    private static final String CONTRIBUTE_ORDERS = """
            INSERT INTO analytics.orders_daily AS s (day, state, city, orders, revenue_cents, profit_cents, units)
            SELECT order_date, state, city, %1$s * count(*), %1$s * sum(amount), %1$s * sum(profit), %1$s * sum(units)
              FROM (SELECT order_id, order_date, state, city, sum(amount_cents) AS amount,
                           sum(profit_cents) AS profit, sum(quantity) AS units
                      FROM (%2$s) x GROUP BY 1, 2, 3, 4) per_order
             GROUP BY 1, 2, 3
            ON CONFLICT (day, state, city) DO UPDATE
               SET orders = s.orders + EXCLUDED.orders,
                   revenue_cents = s.revenue_cents + EXCLUDED.revenue_cents,
                   profit_cents = s.profit_cents + EXCLUDED.profit_cents,
                   units = s.units + EXCLUDED.units""";

    private static final String CONTRIBUTE_PAYMENT = """
            INSERT INTO analytics.payment_daily AS s (day, payment_mode, state, city, orders, revenue_cents)
            SELECT order_date, payment_mode, state, city, %1$s * count(*), %1$s * sum(amount)
              FROM (SELECT order_id, order_date, payment_mode, state, city, sum(amount_cents) AS amount
                      FROM (%2$s) x GROUP BY 1, 2, 3, 4, 5) per_order_mode
             GROUP BY 1, 2, 3, 4
            ON CONFLICT (day, payment_mode, state, city) DO UPDATE
               SET orders = s.orders + EXCLUDED.orders,
                   revenue_cents = s.revenue_cents + EXCLUDED.revenue_cents""";

    private static final String DELETE_OLD_LINES = """
            DELETE FROM analytics.order_lines l USING import_orders i WHERE l.order_id = i.order_id""";

    private static final String UPSERT_ORDERS = """
            INSERT INTO analytics.orders (order_id, order_date, customer_key, customer_name, state, city, import_id,
                                         change_seq)
            SELECT order_id, order_date, customer_key, customer_name, state, city, $1,
                   nextval('analytics.order_change_seq')
              FROM (SELECT * FROM import_orders ORDER BY order_id) ordered
            ON CONFLICT (order_id) DO UPDATE
               SET order_date = EXCLUDED.order_date, customer_key = EXCLUDED.customer_key,
                   customer_name = EXCLUDED.customer_name, state = EXCLUDED.state, city = EXCLUDED.city,
                   import_id = EXCLUDED.import_id, change_seq = EXCLUDED.change_seq""";

    private static final String INSERT_LINES = """
            INSERT INTO analytics.order_lines (order_id, product_id, product_name, category, sub_category, quantity,
                                              amount_cents, profit_cents, payment_mode, import_id)
            SELECT order_id, product_id, product_name, category, sub_category, quantity, amount_cents, profit_cents,
                   payment_mode, $1
              FROM import_lines ORDER BY seq""";

    private static final String DROP_EMPTY_ROLLUP_ROWS = """
            WITH a AS (DELETE FROM analytics.sales_daily WHERE lines = 0),
                 b AS (DELETE FROM analytics.orders_daily WHERE orders = 0)
            DELETE FROM analytics.payment_daily WHERE orders = 0""";

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
     * The caller holds the data-version lock, so change numbers are assigned in commit order.
     */
    public Uni<Void> applyStaged(SqlConnection tx, long importId) {
        return tx.query(STAGE_ORDERS).execute()
                // temp tables have no statistics until analysed; without them the joins below go wrong
                .chain(() -> tx.query("ANALYZE import_lines, import_orders").execute())
                .chain(() -> contribute(tx, "-1", OLD_LINES))
                .chain(() -> tx.query(DELETE_OLD_LINES).execute())
                .chain(() -> tx.preparedQuery(UPSERT_ORDERS).execute(Tuple.of(importId)))
                .chain(() -> tx.preparedQuery(INSERT_LINES).execute(Tuple.of(importId)))
                .chain(() -> contribute(tx, "1", NEW_LINES))
                .chain(() -> tx.query(DROP_EMPTY_ROLLUP_ROWS).execute())
                .replaceWithVoid();
    }

    private Uni<Void> contribute(SqlConnection tx, String sign, String lines) {
        return tx.query(CONTRIBUTE_SALES.formatted(sign, lines)).execute()
                .chain(() -> tx.query(CONTRIBUTE_ORDERS.formatted(sign, lines)).execute())
                .chain(() -> tx.query(CONTRIBUTE_PAYMENT.formatted(sign, lines)).execute())
                .replaceWithVoid();
    }
}
