package io.storefront.analytics.repository;

import io.smallrye.mutiny.Uni;
import io.storefront.analytics.domain.customer.Cohorts;
import io.storefront.analytics.domain.customer.Customer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the per-customer rollups (customers, customer_months) and one customer's orders. */
@ApplicationScoped
public class CustomerRepository {

    public record MonthActivity(LocalDate month, long orders, long revenueCents) {
    }

    public record CategorySpend(String category, String subCategory, long orders, long units, long revenueCents) {
    }

    public record RecentOrder(String orderId, LocalDate day, int lines, long units, long revenueCents, long profitCents) {
    }

    private static final String COLUMNS = """
            customer_key, customer_name, state, city, first_day, last_day, orders, revenue_cents, profit_cents""";

    private final Pool pool;

    public CustomerRepository(Pool pool) {
        this.pool = pool;
    }

    /** Every customer; streamed through a cursor, a million customers at a time is fine. */
    public Uni<List<Customer>> all() {
        return pool.withTransaction(conn -> conn.prepare("SELECT " + COLUMNS + " FROM analytics.customers")
                .onItem().transformToMulti(statement -> statement.createStream(20_000, Tuple.tuple()).toMulti())
                .map(CustomerRepository::customer)
                .collect().in(ArrayList<Customer>::new, ArrayList::add)
                .map(list -> (List<Customer>) list));
    }

    public Uni<Optional<Customer>> find(String key) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM analytics.customers WHERE customer_key = $1")
                .execute(Tuple.of(key))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(customer(rows.iterator().next())));
    }

    /**
     * Active customers per state, first-order month and month: one pass gives every state's cohort cells
     * and, summed, the store's (a state's own query took 0.6 s at a million customers).
     */
    public Uni<Map<String, List<Cohorts.Cell>>> cohortCellsByState() {
        return pool.query("""
                        SELECT c.state, date_trunc('month', c.first_day::timestamp)::date AS cohort, m.month, count(*) AS customers,
                               sum(m.revenue_cents)::bigint AS revenue
                          FROM analytics.customer_months m JOIN analytics.customers c ON c.customer_key = m.customer_key
                         GROUP BY 1, 2, 3""").execute().map(rows -> {
            Map<String, List<Cohorts.Cell>> cells = new HashMap<>();
            rows.forEach(r -> cells.computeIfAbsent(r.getString("state"), s -> new ArrayList<>())
                    .add(new Cohorts.Cell(r.getLocalDate("cohort"), r.getLocalDate("month"), r.getLong("customers"),
                            r.getLong("revenue"))));
            return cells;
        });
    }

    public Uni<List<MonthActivity>> months(String key) {
        return pool.preparedQuery("""
                        SELECT month, orders, revenue_cents FROM analytics.customer_months
                         WHERE customer_key = $1 ORDER BY month""").execute(Tuple.of(key))
                .map(rows -> {
                    List<MonthActivity> months = new ArrayList<>();
                    rows.forEach(r -> months.add(new MonthActivity(r.getLocalDate("month"), r.getLong("orders"),
                            r.getLong("revenue_cents"))));
                    return months;
                });
    }

    /** What the customer bought most, by sub-category; reads only that customer's lines. */
    public Uni<List<CategorySpend>> topSubCategories(String key, int limit) {
        return pool.preparedQuery("""
                        SELECT l.category, l.sub_category, count(DISTINCT l.order_id) AS orders, sum(l.quantity) AS units,
                               sum(l.amount_cents)::bigint AS revenue
                          FROM analytics.orders o JOIN analytics.order_lines l ON l.order_id = o.order_id
                         WHERE o.customer_key = $1
                         GROUP BY 1, 2 ORDER BY revenue DESC, 1, 2 LIMIT $2""").execute(Tuple.of(key, limit))
                .map(rows -> {
                    List<CategorySpend> spend = new ArrayList<>();
                    rows.forEach(r -> spend.add(new CategorySpend(r.getString("category"), r.getString("sub_category"),
                            r.getLong("orders"), r.getLong("units"), r.getLong("revenue"))));
                    return spend;
                });
    }

    public Uni<List<RecentOrder>> recentOrders(String key, int limit) {
        return pool.preparedQuery("""
                        SELECT order_id, order_date, lines, units, revenue_cents, profit_cents FROM analytics.orders
                         WHERE customer_key = $1 ORDER BY order_date DESC, order_id DESC LIMIT $2""")
                .execute(Tuple.of(key, limit))
                .map(rows -> {
                    List<RecentOrder> orders = new ArrayList<>();
                    rows.forEach(r -> orders.add(new RecentOrder(r.getString("order_id"), r.getLocalDate("order_date"),
                            r.getInteger("lines"), r.getLong("units"), r.getLong("revenue_cents"),
                            r.getLong("profit_cents"))));
                    return orders;
                });
    }

    private static Customer customer(Row r) {
        return new Customer(r.getString("customer_key"), r.getString("customer_name"), r.getString("state"),
                r.getString("city"), r.getLocalDate("first_day"), r.getLocalDate("last_day"), r.getLong("orders"),
                r.getLong("revenue_cents"), r.getLong("profit_cents"));
    }
}
