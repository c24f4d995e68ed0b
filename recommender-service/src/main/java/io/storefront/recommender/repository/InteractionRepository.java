package io.storefront.recommender.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

/** Shop events, stored once each: the same (user, product, kind, time) sent again is ignored. */
@ApplicationScoped
public class InteractionRepository {

    /** A validated event. */
    public record Event(String userId, String productId, String kind, Integer rating, int quantity, OffsetDateTime at) {
    }

    private final Pool pool;

    public InteractionRepository(Pool pool) {
        this.pool = pool;
    }

    /** Stores the events in one statement; returns how many were new. */
    public Uni<Integer> insert(List<Event> events) {
        return pool.withTransaction(tx -> tx.preparedQuery("""
                        INSERT INTO recommender.interactions (user_id, product_id, kind, rating, quantity, occurred_at)
                        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::smallint[], $5::int[], $6::timestamptz[])
                        ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(events.stream().map(Event::userId).toArray(String[]::new),
                        events.stream().map(Event::productId).toArray(String[]::new),
                        events.stream().map(Event::kind).toArray(String[]::new),
                        events.stream().map(e -> e.rating() == null ? null : e.rating().shortValue()).toArray(Short[]::new),
                        events.stream().map(Event::quantity).toArray(Integer[]::new),
                        events.stream().map(Event::at).toArray(OffsetDateTime[]::new)))
                .map(rows -> rows.rowCount()));
    }
}
