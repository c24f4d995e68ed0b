package io.storefront.analytics.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer's orders as they were imported, for the customer to see; and made anonymous: the orders stay, so
 * that every figure of the store stays true, but under a pseudonym nobody can trace back, and without the name.
 */
@ApplicationScoped
public class PersonalDataRepository {

    /** What an anonymous customer is called in the views. */
    public static final String ERASED_NAME = "(erased)";

    /** What a pseudonymisation changed: orders, and the data version it made (null when it changed nothing). */
    public record Pseudonymised(long orders, Long dataVersion) {
    }

    /** One of the customer's orders with its lines, as imported. */
    public record CustomerOrder(String orderId, LocalDate orderDate, String customerName, String state, String city,
                                List<Line> lines) {
    }

    public record Line(String productId, String productName, String category, String subCategory, int quantity,
                       long amountCents, long profitCents, String paymentMode) {
    }

    private final Pool pool;

    public PersonalDataRepository(Pool pool) {
        this.pool = pool;
    }

    /** Every order of the customer, oldest first, with its lines in file order. */
    public Uni<List<CustomerOrder>> orders(String customerKey) {
        return pool.preparedQuery("""
                        SELECT o.order_id, o.order_date, o.customer_name, o.state, o.city, l.product_id, l.product_name,
                               l.category, l.sub_category, l.quantity, l.amount_cents, l.profit_cents, l.payment_mode
                          FROM analytics.orders o JOIN analytics.order_lines l ON l.order_id = o.order_id
                         WHERE o.customer_key = $1
                         ORDER BY o.order_date, o.order_id, l.line_no""")
                .execute(Tuple.of(customerKey))
                .map(rows -> {
                    List<CustomerOrder> orders = new ArrayList<>();
                    for (Row r : rows) {
                        String id = r.getString("order_id");
                        if (orders.isEmpty() || !orders.getLast().orderId().equals(id)) {
                            orders.add(new CustomerOrder(id, r.getLocalDate("order_date"), r.getString("customer_name"),
                                    r.getString("state"), r.getString("city"), new ArrayList<>()));
                        }
                        orders.getLast().lines().add(new Line(r.getString("product_id"), r.getString("product_name"),
                                r.getString("category"), r.getString("sub_category"), r.getInteger("quantity"),
                                r.getLong("amount_cents"), r.getLong("profit_cents"), r.getString("payment_mode")));
                    }
                    return orders;
                });
    }

    /**
     * Moves the customer's orders and rollup rows to {@code pseudonym} in one transaction. It takes the data
     * version's row lock first, as imports do, so that the new change numbers (which send the orders again to
     * the change feed, where the recommender replaces them) are handed out in commit order.
     */
    public Uni<Pseudonymised> pseudonymise(String customerKey, String pseudonym) {
        return pool.withTransaction(tx -> tx.query("SELECT version FROM analytics.data_version WHERE id = 1 FOR UPDATE")
                .execute()
                .chain(() -> tx.preparedQuery("""
                                WITH moved AS (
                                    UPDATE analytics.orders
                                       SET customer_key = $2, customer_name = $3,
                                           change_seq = nextval('analytics.order_change_seq')
                                     WHERE customer_key = $1 RETURNING 1)
                                SELECT count(*) FROM moved""")
                        .execute(Tuple.of(customerKey, pseudonym, ERASED_NAME)))
                .map(rows -> rows.iterator().next().getLong(0))
                .chain(orders -> orders == 0 ? Uni.createFrom().item(new Pseudonymised(0, null))
                        : moveRollups(tx, customerKey, pseudonym).map(version -> new Pseudonymised(orders, version))));
    }

    private static Uni<Long> moveRollups(SqlConnection tx, String customerKey, String pseudonym) {
        return tx.preparedQuery("UPDATE analytics.customers SET customer_key = $2, customer_name = $3 WHERE customer_key = $1")
                .execute(Tuple.of(customerKey, pseudonym, ERASED_NAME))
                .chain(() -> tx.preparedQuery("UPDATE analytics.customer_months SET customer_key = $2 WHERE customer_key = $1")
                        .execute(Tuple.of(customerKey, pseudonym)))
                .chain(() -> tx.query("UPDATE analytics.data_version SET version = version + 1 WHERE id = 1 RETURNING version")
                        .execute())
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
