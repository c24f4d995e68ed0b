package io.storefront.sentiment.repository;

import io.smallrye.mutiny.Uni;
import io.storefront.sentiment.domain.Review;
import io.storefront.sentiment.domain.TextSentiment.AspectScore;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reviews, their aspects and the per-product summaries, written together in one transaction. */
@ApplicationScoped
public class ReviewRepository {

    /** Serialises review writes so that summary change numbers are committed in order (see the change feed). */
    private static final long WRITE_LOCK = 0x5e471_0001L;

    public record StoredReview(long seq, String reviewId, String productId, String customerId, Integer rating,
                               String title, String text, OffsetDateTime createdAt, double polarity,
                               double subjectivity, String label, double confidence, boolean english,
                               String modelVersion) {
    }

    public record ProductSummary(String productId, int reviews, int scored, Double meanPolarity, int positive,
                                 int neutral, int negative, int rated, Double meanRating, int mismatches,
                                 OffsetDateTime firstReview, OffsetDateTime lastReview, String modelVersion,
                                 OffsetDateTime updatedAt, long changeSeq) {
    }

    public record MonthPoint(LocalDate month, int reviews, Double meanPolarity, Double meanRating) {
    }

    public record AspectFigures(String aspect, int reviews, int mentions, double meanPolarity) {
    }

    private final Pool pool;

    public ReviewRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Inserts or replaces reviews (by id) with their scores and aspects, and recomputes the summary
     * of every product they belong to now or belonged to before. One transaction.
     */
    public Uni<Integer> upsert(List<Review> reviews, String modelVersion) {
        int n = reviews.size();
        String[] ids = new String[n];
        String[] products = new String[n];
        String[] customers = new String[n];
        Short[] ratings = new Short[n];
        String[] titles = new String[n];
        String[] texts = new String[n];
        OffsetDateTime[] created = new OffsetDateTime[n];
        Float[] polarity = new Float[n];
        Float[] subjectivity = new Float[n];
        String[] labels = new String[n];
        Float[] confidence = new Float[n];
        Boolean[] english = new Boolean[n];
        List<String> aspectReview = new ArrayList<>();
        List<String> aspectProduct = new ArrayList<>();
        List<String> aspectName = new ArrayList<>();
        List<Float> aspectPolarity = new ArrayList<>();
        List<Integer> aspectMentions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Review r = reviews.get(i);
            ids[i] = r.reviewId();
            products[i] = r.productId();
            customers[i] = r.customerId();
            ratings[i] = r.rating() == null ? null : r.rating().shortValue();
            titles[i] = r.title() == null ? "" : r.title();
            texts[i] = r.text();
            created[i] = r.createdAt();
            polarity[i] = (float) r.sentiment().polarity();
            subjectivity[i] = (float) r.sentiment().subjectivity();
            labels[i] = r.sentiment().label().json();
            confidence[i] = (float) r.sentiment().confidence();
            english[i] = r.sentiment().english();
            for (AspectScore a : r.sentiment().aspects()) {
                aspectReview.add(r.reviewId());
                aspectProduct.add(r.productId());
                aspectName.add(a.aspect());
                aspectPolarity.add((float) a.polarity());
                aspectMentions.add(a.mentions());
            }
        }
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(WRITE_LOCK))
                .chain(() -> tx.preparedQuery("SELECT DISTINCT product_id FROM sentiment.reviews WHERE review_id = ANY($1)")
                        .execute(Tuple.of(ids)))
                .chain(before -> {
                    Set<String> touched = new LinkedHashSet<>(List.of(products));
                    for (Row row : before) touched.add(row.getString(0));
                    return tx.preparedQuery("""
                                    INSERT INTO sentiment.reviews (review_id, product_id, customer_id, rating, title, text,
                                           created_at, polarity, subjectivity, label, confidence, english, model_version,
                                           scored_at, ingested_at, ingest_seq)
                                    SELECT u.*, $13, now(), now(), nextval('sentiment.review_ingest_seq')
                                      FROM unnest($1::text[], $2::text[], $3::text[], $4::smallint[], $5::text[], $6::text[],
                                                  $7::timestamptz[], $8::real[], $9::real[], $10::text[], $11::real[],
                                                  $12::boolean[]) AS u
                                    ON CONFLICT (review_id) DO UPDATE SET product_id = EXCLUDED.product_id,
                                           customer_id = EXCLUDED.customer_id, rating = EXCLUDED.rating,
                                           title = EXCLUDED.title, text = EXCLUDED.text, created_at = EXCLUDED.created_at,
                                           polarity = EXCLUDED.polarity, subjectivity = EXCLUDED.subjectivity,
                                           label = EXCLUDED.label, confidence = EXCLUDED.confidence,
                                           english = EXCLUDED.english, model_version = EXCLUDED.model_version,
                                           scored_at = EXCLUDED.scored_at, ingested_at = EXCLUDED.ingested_at,
                                           ingest_seq = EXCLUDED.ingest_seq""")
                            .execute(Tuple.from(new Object[] {ids, products, customers, ratings, titles, texts, created,
                                    polarity, subjectivity, labels, confidence, english, modelVersion}))
                            .chain(() -> tx.preparedQuery("DELETE FROM sentiment.review_aspects WHERE review_id = ANY($1)")
                                    .execute(Tuple.of(ids)))
                            .chain(() -> tx.preparedQuery("""
                                            INSERT INTO sentiment.review_aspects (review_id, product_id, aspect, polarity, mentions)
                                            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::real[], $5::int[])""")
                                    .execute(Tuple.of(aspectReview.toArray(String[]::new), aspectProduct.toArray(String[]::new),
                                            aspectName.toArray(String[]::new), aspectPolarity.toArray(Float[]::new),
                                            aspectMentions.toArray(Integer[]::new))))
                            .chain(() -> refreshSummaries(tx, touched.toArray(String[]::new), modelVersion));
                })
                .replaceWith(n));
    }

    /**
     * Recomputes the summaries of the given products from their reviews. A product left without reviews keeps an
     * empty row with a new change number, so that the change feed tells its followers; the API shows none.
     */
    private static Uni<Void> refreshSummaries(SqlConnection tx, String[] products, String modelVersion) {
        return tx.preparedQuery("""
                        INSERT INTO sentiment.product_sentiment AS s (product_id, reviews, scored, mean_polarity, positive,
                               neutral, negative, rated, mean_rating, mismatches, first_review, last_review, model_version,
                               updated_at, change_seq)
                        SELECT product_id, count(*), count(*) FILTER (WHERE english), avg(polarity) FILTER (WHERE english),
                               count(*) FILTER (WHERE label = 'positive'), count(*) FILTER (WHERE label = 'neutral'),
                               count(*) FILTER (WHERE label = 'negative'), count(rating), avg(rating),
                               count(*) FILTER (WHERE (rating >= 4 AND label = 'negative') OR (rating <= 2 AND label = 'positive')),
                               min(created_at), max(created_at), $2, now(),
                               nextval('sentiment.product_sentiment_change_seq')
                          FROM sentiment.reviews WHERE product_id = ANY($1)
                         GROUP BY product_id
                        ON CONFLICT (product_id) DO UPDATE SET reviews = EXCLUDED.reviews, scored = EXCLUDED.scored,
                               mean_polarity = EXCLUDED.mean_polarity, positive = EXCLUDED.positive,
                               neutral = EXCLUDED.neutral, negative = EXCLUDED.negative, rated = EXCLUDED.rated,
                               mean_rating = EXCLUDED.mean_rating, mismatches = EXCLUDED.mismatches,
                               first_review = EXCLUDED.first_review, last_review = EXCLUDED.last_review,
                               model_version = EXCLUDED.model_version, updated_at = EXCLUDED.updated_at,
                               change_seq = EXCLUDED.change_seq""")
                .execute(Tuple.of(products, modelVersion))
                .chain(() -> tx.preparedQuery("""
                                UPDATE sentiment.product_sentiment s
                                   SET reviews = 0, scored = 0, mean_polarity = NULL, positive = 0, neutral = 0, negative = 0,
                                       rated = 0, mean_rating = NULL, mismatches = 0, first_review = NULL, last_review = NULL,
                                       updated_at = now(), change_seq = nextval('sentiment.product_sentiment_change_seq')
                                 WHERE s.product_id = ANY($1) AND s.reviews > 0
                                   AND NOT EXISTS (SELECT 1 FROM sentiment.reviews r WHERE r.product_id = s.product_id)""")
                        .execute(Tuple.of((Object) products)))
                .replaceWithVoid();
    }

    /**
     * Deletes every review a customer wrote, with its aspects, and recomputes the summaries of the products they
     * reviewed. Returns how many reviews went.
     */
    public Uni<Integer> deleteByCustomer(String customerId, String modelVersion) {
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(WRITE_LOCK))
                .chain(() -> tx.preparedQuery("DELETE FROM sentiment.reviews WHERE customer_id = $1 RETURNING product_id")
                        .execute(Tuple.of(customerId)))
                .chain(deleted -> {
                    Set<String> products = new LinkedHashSet<>();
                    for (Row row : deleted) products.add(row.getString(0));
                    return products.isEmpty() ? Uni.createFrom().item(0)
                            : refreshSummaries(tx, products.toArray(String[]::new), modelVersion).replaceWith(deleted.rowCount());
                }));
    }

    /** Reviews stored or replaced after a cursor, optionally of one product, oldest change first. */
    public Uni<List<StoredReview>> after(long after, int limit, String productId) {
        String sql = "SELECT * FROM sentiment.reviews WHERE ingest_seq > $1"
                + (productId == null ? "" : " AND product_id = $3") + " ORDER BY ingest_seq LIMIT $2";
        Tuple args = productId == null ? Tuple.of(after, limit) : Tuple.of(after, limit, productId);
        return pool.preparedQuery(sql).execute(args).map(ReviewRepository::reviews);
    }

    /** Every review a customer wrote, oldest first. */
    public Uni<List<StoredReview>> byCustomer(String customerId) {
        return pool.preparedQuery("SELECT * FROM sentiment.reviews WHERE customer_id = $1 ORDER BY created_at, review_id")
                .execute(Tuple.of(customerId))
                .map(ReviewRepository::reviews);
    }

    public Uni<StoredReview> find(String reviewId) {
        return pool.preparedQuery("SELECT * FROM sentiment.reviews WHERE review_id = $1").execute(Tuple.of(reviewId))
                .map(rows -> rows.size() == 0 ? null : review(rows.iterator().next()));
    }

    /** A product's summary; null when it has no reviews (any more). */
    public Uni<ProductSummary> summary(String productId) {
        return pool.preparedQuery("SELECT * FROM sentiment.product_sentiment WHERE product_id = $1 AND reviews > 0")
                .execute(Tuple.of(productId))
                .map(rows -> rows.size() == 0 ? null : summary(rows.iterator().next()));
    }

    /** Summaries changed after a cursor, in change order (the recommender's feed). */
    public Uni<List<ProductSummary>> summariesAfter(long after, int limit) {
        return pool.preparedQuery("SELECT * FROM sentiment.product_sentiment WHERE change_seq > $1 ORDER BY change_seq LIMIT $2")
                .execute(Tuple.of(after, limit))
                .map(rows -> {
                    List<ProductSummary> page = new ArrayList<>();
                    for (Row r : rows) page.add(summary(r));
                    return page;
                });
    }

    public Uni<List<MonthPoint>> monthly(String productId) {
        return pool.preparedQuery("""
                        SELECT date_trunc('month', created_at AT TIME ZONE 'UTC')::date AS month, count(*) AS reviews,
                               avg(polarity) FILTER (WHERE english) AS mean_polarity, avg(rating) AS mean_rating
                          FROM sentiment.reviews WHERE product_id = $1 GROUP BY 1 ORDER BY 1""")
                .execute(Tuple.of(productId))
                .map(rows -> {
                    List<MonthPoint> points = new ArrayList<>();
                    for (Row r : rows) {
                        points.add(new MonthPoint(r.getLocalDate("month"), r.getInteger("reviews"),
                                r.getDouble("mean_polarity"), r.getDouble("mean_rating")));
                    }
                    return points;
                });
    }

    public Uni<List<AspectFigures>> aspects(String productId) {
        return pool.preparedQuery("""
                        SELECT aspect, count(*) AS reviews, sum(mentions) AS mentions, avg(polarity) AS mean_polarity
                          FROM sentiment.review_aspects WHERE product_id = $1 GROUP BY aspect""")
                .execute(Tuple.of(productId))
                .map(rows -> {
                    List<AspectFigures> aspects = new ArrayList<>();
                    for (Row r : rows) {
                        aspects.add(new AspectFigures(r.getString("aspect"), r.getInteger("reviews"),
                                r.getInteger("mentions"), r.getDouble("mean_polarity")));
                    }
                    return aspects;
                });
    }

    private static List<StoredReview> reviews(RowSet<Row> rows) {
        List<StoredReview> reviews = new ArrayList<>(rows.size());
        for (Row r : rows) reviews.add(review(r));
        return reviews;
    }

    private static StoredReview review(Row r) {
        return new StoredReview(r.getLong("ingest_seq"), r.getString("review_id"), r.getString("product_id"),
                r.getString("customer_id"), r.getShort("rating") == null ? null : r.getShort("rating").intValue(),
                r.getString("title"), r.getString("text"), r.getOffsetDateTime("created_at"),
                r.getFloat("polarity"), r.getFloat("subjectivity"), r.getString("label"), r.getFloat("confidence"),
                r.getBoolean("english"), r.getString("model_version"));
    }

    private static ProductSummary summary(Row r) {
        return new ProductSummary(r.getString("product_id"), r.getInteger("reviews"), r.getInteger("scored"),
                r.getDouble("mean_polarity"), r.getInteger("positive"), r.getInteger("neutral"), r.getInteger("negative"),
                r.getInteger("rated"), r.getDouble("mean_rating"), r.getInteger("mismatches"),
                r.getOffsetDateTime("first_review"), r.getOffsetDateTime("last_review"), r.getString("model_version"),
                r.getOffsetDateTime("updated_at"), r.getLong("change_seq"));
    }
}
