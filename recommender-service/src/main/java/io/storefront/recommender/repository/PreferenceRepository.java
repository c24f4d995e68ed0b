package io.storefront.recommender.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** Users' explicit preferences, one row per user. */
@ApplicationScoped
public class PreferenceRepository {

    public record PreferenceRow(String userId, List<String> categories, BigDecimal minPrice, BigDecimal maxPrice,
                                OffsetDateTime updatedAt) {
    }

    private final Pool pool;

    public PreferenceRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<PreferenceRow> put(String userId, List<String> categories, BigDecimal minPrice, BigDecimal maxPrice) {
        return pool.withTransaction(tx -> tx.preparedQuery("""
                        INSERT INTO recommender.preferences (user_id, categories, min_price, max_price, updated_at)
                        VALUES ($1, $2, $3::text::numeric, $4::text::numeric, now())
                        ON CONFLICT (user_id) DO UPDATE SET categories = excluded.categories, min_price = excluded.min_price,
                               max_price = excluded.max_price, updated_at = now()
                        RETURNING user_id, categories, min_price::text, max_price::text, updated_at""")
                .execute(Tuple.of(userId, categories.toArray(String[]::new),
                        minPrice == null ? null : minPrice.toPlainString(), maxPrice == null ? null : maxPrice.toPlainString()))
                .map(rows -> row(rows.iterator().next())));
    }

    public Uni<PreferenceRow> find(String userId) {
        return pool.preparedQuery("""
                        SELECT user_id, categories, min_price::text, max_price::text, updated_at
                          FROM recommender.preferences WHERE user_id = $1""")
                .execute(Tuple.of(userId))
                .map(rows -> rows.size() == 0 ? null : row(rows.iterator().next()));
    }

    public Uni<Boolean> delete(String userId) {
        return pool.withTransaction(tx -> tx.preparedQuery("DELETE FROM recommender.preferences WHERE user_id = $1")
                .execute(Tuple.of(userId)).map(rows -> rows.rowCount() > 0));
    }

    static PreferenceRow row(Row r) {
        String min = r.getString("min_price");
        String max = r.getString("max_price");
        return new PreferenceRow(r.getString("user_id"), List.of(r.getArrayOfStrings("categories")),
                min == null ? null : new BigDecimal(min), max == null ? null : new BigDecimal(max),
                r.getOffsetDateTime("updated_at"));
    }
}
