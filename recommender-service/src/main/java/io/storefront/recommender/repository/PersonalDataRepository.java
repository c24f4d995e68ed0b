package io.storefront.recommender.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Everything stored about one customer, deleted in one transaction. */
@ApplicationScoped
public class PersonalDataRepository {

    public record Deleted(long interactions, long purchases, long preferences) {
        public boolean any() {
            return interactions + purchases + preferences > 0;
        }
    }

    private final Pool pool;

    public PersonalDataRepository(Pool pool) {
        this.pool = pool;
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
