package io.storefront.recommender.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Everything stored about one customer: read for them to see, and deleted in one transaction. */
@ApplicationScoped
public class PersonalDataRepository {

    public record Deleted(long interactions, long purchases, long preferences) {
        public boolean any() {
            return interactions + purchases + preferences > 0;
        }
    }

    /** What the shop sent about the customer, and their purchases as synced from analytics. */
    public record Held(List<Interaction> interactions, List<Purchase> purchases) {
    }

    public record Interaction(String productId, String kind, Integer rating, int quantity, OffsetDateTime occurredAt) {
    }

    public record Purchase(String orderId, String productId, int quantity, BigDecimal amount, LocalDate orderedOn) {
    }

    private final Pool pool;

    public PersonalDataRepository(Pool pool) {
        this.pool = pool;
    }

    /** Every event and purchase of the customer, oldest first. */
    public Uni<Held> held(String userId) {
        Uni<List<Interaction>> interactions = pool.preparedQuery("""
                        SELECT product_id, kind, rating, quantity, occurred_at FROM recommender.interactions
                         WHERE user_id = $1 ORDER BY occurred_at, id""")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    List<Interaction> out = new ArrayList<>();
                    for (Row r : rows) {
                        Short rating = r.getShort("rating");
                        out.add(new Interaction(r.getString("product_id"), r.getString("kind"),
                                rating == null ? null : rating.intValue(), r.getInteger("quantity"),
                                r.getOffsetDateTime("occurred_at")));
                    }
                    return out;
                });
        Uni<List<Purchase>> purchases = pool.preparedQuery("""
                        SELECT order_id, product_id, quantity, amount::text, ordered_on FROM recommender.purchases
                         WHERE user_id = $1 ORDER BY ordered_on, order_id, line_no""")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    List<Purchase> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Purchase(r.getString("order_id"), r.getString("product_id"), r.getInteger("quantity"),
                                new BigDecimal(r.getString("amount")), r.getLocalDate("ordered_on")));
                    }
                    return out;
                });
        return Uni.combine().all().unis(interactions, purchases).with(Held::new);
    }

    /**
     * Deletes the customer's events, synced purchases and preferences. It holds the orders feed's lock, so a page
     * of that feed is applied wholly before or after it. Analytics sends the customer's orders again under a
     * pseudonym once it has erased them, and they come back as anonymous purchases.
     */
    public Uni<Deleted> delete(String userId) {
        return pool.withTransaction(tx -> FeedRepository.lock(tx, FeedRepository.ORDERS)
                .chain(() -> count(tx, "DELETE FROM recommender.interactions WHERE user_id = $1", userId))
                .chain(interactions -> count(tx, "DELETE FROM recommender.purchases WHERE user_id = $1", userId)
                        .chain(purchases -> count(tx, "DELETE FROM recommender.preferences WHERE user_id = $1", userId)
                                .map(preferences -> new Deleted(interactions, purchases, preferences))))
                .call(deleted -> deleted.any()
                        ? tx.query("INSERT INTO recommender.erasures DEFAULT VALUES").execute()
                        : Uni.createFrom().voidItem()));
    }

    private static Uni<Long> count(SqlClient tx, String sql, String userId) {
        return tx.preparedQuery(sql).execute(Tuple.of(userId)).map(rows -> (long) rows.rowCount());
    }
}
