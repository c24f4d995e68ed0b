package io.storefront.analytics.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A customer's orders made anonymous: the orders stay, so that every figure of the store stays true, but
 * under a pseudonym nobody can trace back, and without the name.
 */
@ApplicationScoped
public class PersonalDataRepository {

    /** What an anonymous customer is called in the views. */
    public static final String ERASED_NAME = "(erased)";

    /** What a pseudonymisation changed: orders, and the data version it made (null when it changed nothing). */
    public record Pseudonymised(long orders, Long dataVersion) {
    }

    private final Pool pool;

    public PersonalDataRepository(Pool pool) {
        this.pool = pool;
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
