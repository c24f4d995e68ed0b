package io.storefront.analytics.repository;

import io.smallrye.mutiny.Uni;
import io.storefront.analytics.domain.OrderLine;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes order lines and keeps the rollups in step, inside the caller's transaction.
 *
 * <p>An order is the unit of replacement: re-importing an order replaces its lines from earlier
 * imports. For the orders of a batch, their whole contribution is taken out of the rollups, their
 * old lines are deleted, the new rows are written, and their whole contribution is added back.
 * Taking whole orders out and back in keeps distinct order counts exact even when one order's
 * lines arrive in several batches of the same import.
 */
@ApplicationScoped
public class OrderLineRepository {

    private static final String CONTRIBUTION_SALES = """
            INSERT INTO analytics.sales_daily AS s
                   (day, category, sub_category, state, city, payment_mode, revenue_cents, profit_cents, units, lines)
            SELECT o.order_date, l.category, l.sub_category, o.state, o.city, l.payment_mode,
                   $2 * sum(l.amount_cents), $2 * sum(l.profit_cents), $2 * sum(l.quantity), $2 * count(*)
              FROM analytics.order_lines l JOIN analytics.orders o ON o.order_id = l.order_id
             WHERE l.order_id = ANY($1)
             GROUP BY 1, 2, 3, 4, 5, 6
            ON CONFLICT (day, category, sub_category, state, city, payment_mode) DO UPDATE
               SET revenue_cents = s.revenue_cents + EXCLUDED.revenue_cents,
                   profit_cents = s.profit_cents + EXCLUDED.profit_cents,
                   units = s.units + EXCLUDED.units,
                   lines = s.lines + EXCLUDED.lines""";

    private static final String CONTRIBUTION_ORDERS = """
            INSERT INTO analytics.orders_daily AS s (day, state, city, orders, revenue_cents, profit_cents, units)
            SELECT o.order_date, o.state, o.city, $2 * count(DISTINCT o.order_id),
                   $2 * sum(l.amount_cents), $2 * sum(l.profit_cents), $2 * sum(l.quantity)
              FROM analytics.order_lines l JOIN analytics.orders o ON o.order_id = l.order_id
             WHERE l.order_id = ANY($1)
             GROUP BY 1, 2, 3
            ON CONFLICT (day, state, city) DO UPDATE
               SET orders = s.orders + EXCLUDED.orders,
                   revenue_cents = s.revenue_cents + EXCLUDED.revenue_cents,
                   profit_cents = s.profit_cents + EXCLUDED.profit_cents,
                   units = s.units + EXCLUDED.units""";

    private static final String CONTRIBUTION_PAYMENT = """
            INSERT INTO analytics.payment_daily AS s (day, payment_mode, state, city, orders, revenue_cents)
            SELECT o.order_date, l.payment_mode, o.state, o.city, $2 * count(DISTINCT o.order_id), $2 * sum(l.amount_cents)
              FROM analytics.order_lines l JOIN analytics.orders o ON o.order_id = l.order_id
             WHERE l.order_id = ANY($1)
             GROUP BY 1, 2, 3, 4
            ON CONFLICT (day, payment_mode, state, city) DO UPDATE
               SET orders = s.orders + EXCLUDED.orders,
                   revenue_cents = s.revenue_cents + EXCLUDED.revenue_cents""";

    private static final String DELETE_REPLACED_LINES =
            "DELETE FROM analytics.order_lines WHERE order_id = ANY($1) AND import_id <> $2";

    private static final String UPSERT_ORDERS = """
            INSERT INTO analytics.orders (order_id, order_date, customer_key, customer_name, state, city, import_id)
            SELECT id, day, ckey, cname, st, ct, $7
              FROM unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::text[], $6::text[])
                   AS t(id, day, ckey, cname, st, ct)
            ON CONFLICT (order_id) DO UPDATE
               SET order_date = EXCLUDED.order_date, customer_key = EXCLUDED.customer_key,
                   customer_name = EXCLUDED.customer_name, state = EXCLUDED.state, city = EXCLUDED.city,
                   import_id = EXCLUDED.import_id""";

    private static final String INSERT_LINES = """
            INSERT INTO analytics.order_lines (order_id, product_id, product_name, category, sub_category, quantity,
                                              amount_cents, profit_cents, payment_mode, import_id)
            SELECT oid, pid, pname, cat, sub, qty, amt, prf, pay, $10
              FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::bigint[],
                          $8::bigint[], $9::text[]) AS t(oid, pid, pname, cat, sub, qty, amt, prf, pay)""";

    private static final String DROP_EMPTY_ROLLUP_ROWS = """
            WITH a AS (DELETE FROM analytics.sales_daily WHERE lines = 0),
                 b AS (DELETE FROM analytics.orders_daily WHERE orders = 0)
            DELETE FROM analytics.payment_daily WHERE orders = 0""";

    /** Stores one batch of validated lines for import {@code importId}; the caller owns the transaction. */
    public Uni<Integer> storeBatch(SqlConnection tx, long importId, List<OrderLine> batch) {
        Map<String, OrderLine> orderHeads = new LinkedHashMap<>();
        for (OrderLine line : batch) {
            orderHeads.put(line.orderId(), line); // the last row of an order in the file wins for its attributes
        }
        String[] orderIds = orderHeads.keySet().toArray(String[]::new);
        int n = batch.size();
        String[] lineOrder = new String[n], productId = new String[n], productName = new String[n],
                category = new String[n], subCategory = new String[n], payment = new String[n];
        Integer[] quantity = new Integer[n];
        Long[] amount = new Long[n], profit = new Long[n];
        for (int i = 0; i < n; i++) {
            OrderLine l = batch.get(i);
            lineOrder[i] = l.orderId();
            productId[i] = l.productId();
            productName[i] = l.productName();
            category[i] = l.category();
            subCategory[i] = l.subCategory();
            quantity[i] = l.quantity();
            amount[i] = l.amountCents();
            profit[i] = l.profitCents();
            payment[i] = l.paymentMode();
        }
        int m = orderIds.length;
        LocalDate[] day = new LocalDate[m];
        String[] customerKey = new String[m], customerName = new String[m], state = new String[m], city = new String[m];
        for (int i = 0; i < m; i++) {
            OrderLine head = orderHeads.get(orderIds[i]);
            day[i] = head.orderDate();
            customerKey[i] = head.customerKey();
            customerName[i] = head.customerName();
            state[i] = head.state();
            city[i] = head.city();
        }
        return contribute(tx, orderIds, -1)
                .chain(() -> tx.preparedQuery(DELETE_REPLACED_LINES).execute(Tuple.of(orderIds, importId)))
                .chain(() -> tx.preparedQuery(UPSERT_ORDERS).execute(
                        Tuple.from(List.of(orderIds, day, customerKey, customerName, state, city, importId))))
                .chain(() -> tx.preparedQuery(INSERT_LINES).execute(Tuple.from(List.of(lineOrder, productId,
                        productName, category, subCategory, quantity, amount, profit, payment, importId))))
                .chain(() -> contribute(tx, orderIds, 1))
                .replaceWith(n);
    }

    /** Removes rollup rows that re-imports have brought down to zero. */
    public Uni<Void> dropEmptyRollupRows(SqlConnection tx) {
        return tx.query(DROP_EMPTY_ROLLUP_ROWS).execute().replaceWithVoid();
    }

    private Uni<Void> contribute(SqlConnection tx, String[] orderIds, int sign) {
        Tuple args = Tuple.of(orderIds, sign);
        return tx.preparedQuery(CONTRIBUTION_SALES).execute(args)
                .chain(() -> tx.preparedQuery(CONTRIBUTION_ORDERS).execute(args))
                .chain(() -> tx.preparedQuery(CONTRIBUTION_PAYMENT).execute(args))
                .replaceWithVoid();
    }
}
