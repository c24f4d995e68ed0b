package io.storefront.recommender.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything a model build reads, already summed per (user, product) by PostgreSQL so that a million
 * order lines arrive as far fewer rows.
 */
@ApplicationScoped
public class SnapshotRepository {

    public record ProductFacts(String productId, String name, String description, String category, String subCategory,
                               double price, boolean inStock) {
    }

    /** A user's history with one product from one source: how many orders (or events) and the latest one. */
    public record Pair(String userId, String productId, String kind, int times, LocalDateTime last) {
    }

    public record UserPreferences(String userId, List<String> categories, Double minPrice, Double maxPrice) {
    }

    public record ProductSentiment(String productId, int reviews, double meanPolarity, double positiveShare) {
    }

    public record Snapshot(List<ProductFacts> products, List<Pair> pairs, List<UserPreferences> preferences,
                           List<ProductSentiment> sentiment) {
    }

    private static final int FETCH_ROWS = 20_000;

    private final Pool pool;

    public SnapshotRepository(Pool pool) {
        this.pool = pool;
    }

    /** Every purchase (synced orders, and purchase events of the shop) with its order and day, for offline evaluation. */
    public Uni<List<io.storefront.recommender.domain.eval.Interactions.Event>> purchaseEvents() {
        Map<String, String> ids = new HashMap<>();
        Map<LocalDateTime, LocalDateTime> times = new HashMap<>();
        return readAll("""
                        SELECT user_id, product_id, order_id AS basket, ordered_on::timestamp AS at FROM recommender.purchases
                        UNION ALL
                        SELECT user_id, product_id, 'event-' || id, occurred_at AT TIME ZONE 'UTC'
                          FROM recommender.interactions WHERE kind = 'purchase'""",
                r -> new io.storefront.recommender.domain.eval.Interactions.Event(shared(ids, r.getString("user_id")),
                        shared(ids, r.getString("product_id")), shared(ids, r.getString("basket")),
                        shared(times, r.getLocalDateTime("at")), 1));
    }

    public Uni<Snapshot> read() {
        return read(null);
    }

    /**
     * What a build reads, with only the interactions before {@code before} when it is given: what the model
     * that learns the new-items blend is built on.
     */
    public Uni<Snapshot> read(LocalDateTime before) {
        Map<String, String> ids = new HashMap<>();
        Map<LocalDateTime, LocalDateTime> times = new HashMap<>();
        Uni<List<Pair>> pairs = readAll("""
                        SELECT user_id, product_id, 'purchase' AS kind, count(DISTINCT order_id)::int AS times,
                               max(ordered_on)::timestamp AS last
                          FROM recommender.purchases WHERE $1::timestamp IS NULL OR ordered_on::timestamp < $1
                         GROUP BY user_id, product_id
                        UNION ALL
                        SELECT user_id, product_id, kind, count(*)::int, max(occurred_at AT TIME ZONE 'UTC')
                          FROM recommender.interactions WHERE (kind <> 'rating' OR rating >= 4)
                           AND ($1::timestamp IS NULL OR occurred_at AT TIME ZONE 'UTC' < $1)
                         GROUP BY user_id, product_id, kind""", Tuple.of(before),
                r -> new Pair(shared(ids, r.getString("user_id")), shared(ids, r.getString("product_id")),
                        shared(ids, r.getString("kind")), r.getInteger("times"), shared(times, r.getLocalDateTime("last"))));
        Uni<List<UserPreferences>> preferences = pool.query("""
                        SELECT user_id, categories, min_price::float8 AS min_price, max_price::float8 AS max_price
                          FROM recommender.preferences""").execute()
                .map(rows -> {
                    List<UserPreferences> out = new ArrayList<>();
                    for (Row r : rows) out.add(new UserPreferences(r.getString("user_id"),
                            List.of(r.getArrayOfStrings("categories")), r.getDouble("min_price"), r.getDouble("max_price")));
                    return out;
                });
        Uni<List<ProductSentiment>> sentiment = pool.query("""
                        SELECT product_id, reviews, mean_polarity, positive_share FROM recommender.product_sentiment""").execute()
                .map(rows -> {
                    List<ProductSentiment> out = new ArrayList<>();
                    for (Row r : rows) out.add(new ProductSentiment(r.getString("product_id"), r.getInteger("reviews"),
                            r.getDouble("mean_polarity"), r.getDouble("positive_share")));
                    return out;
                });
        return Uni.combine().all().unis(products(), pairs, preferences, sentiment).with(Snapshot::new);
    }

    /** The catalogue, by product id. */
    public Uni<List<ProductFacts>> products() {
        return pool.query("""
                        SELECT product_id, name, description, category, sub_category, price::float8 AS price, in_stock
                          FROM recommender.products ORDER BY product_id""").execute()
                .map(rows -> {
                    List<ProductFacts> out = new ArrayList<>(rows.size());
                    for (Row r : rows) out.add(new ProductFacts(r.getString("product_id"), r.getString("name"),
                            r.getString("description"), r.getString("category"), r.getString("sub_category"),
                            r.getDouble("price"), r.getBoolean("in_stock")));
                    return out;
                });
    }

    /** When the newest purchase or shop event happened; null when there is none. */
    public Uni<LocalDateTime> latest() {
        return pool.query("""
                        SELECT greatest((SELECT max(ordered_on)::timestamp FROM recommender.purchases),
                                        (SELECT max(occurred_at AT TIME ZONE 'UTC') FROM recommender.interactions)) AS latest""")
                .execute().map(rows -> rows.iterator().next().getLocalDateTime("latest"));
    }

    /** Who bought what from {@code from} on (synced orders and purchase events), once per customer and product. */
    public Uni<List<Pair>> purchasedFrom(LocalDateTime from) {
        Map<String, String> ids = new HashMap<>();
        return readAll("""
                        SELECT user_id, product_id, count(*)::int AS times, max(at) AS last FROM (
                          SELECT user_id, product_id, ordered_on::timestamp AS at FROM recommender.purchases
                           WHERE ordered_on::timestamp >= $1
                          UNION ALL
                          SELECT user_id, product_id, occurred_at AT TIME ZONE 'UTC' FROM recommender.interactions
                           WHERE kind = 'purchase' AND occurred_at AT TIME ZONE 'UTC' >= $1) bought
                         GROUP BY user_id, product_id""", Tuple.of(from),
                r -> new Pair(shared(ids, r.getString("user_id")), shared(ids, r.getString("product_id")), "purchase",
                        r.getInteger("times"), r.getLocalDateTime("last")));
    }

    /** Rows read through a cursor, a page at a time: a million rows are never held as one result and as objects at once. */
    private <T> Uni<List<T>> readAll(String sql, Function<Row, T> map) {
        return readAll(sql, Tuple.tuple(), map);
    }

    private <T> Uni<List<T>> readAll(String sql, Tuple args, Function<Row, T> map) {
        return pool.withTransaction(conn -> conn.prepare(sql)
                .onItem().transformToMulti(statement -> statement.createStream(FETCH_ROWS, args).toMulti())
                .map(map)
                .collect().asList());
    }

    /**
     * Ids and days repeat across rows: one object per distinct value keeps a million rows small (a
     * LocalDateTime is three objects, about 72 bytes, and purchases fall on a few thousand days).
     */
    private static <T> T shared(Map<T, T> seen, T value) {
        return value == null ? null : seen.computeIfAbsent(value, k -> k);
    }
}
