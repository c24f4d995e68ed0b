package io.storefront.recommender.repository;

import io.smallrye.mutiny.Uni;
import io.storefront.recommender.client.AnalyticsFeed;
import io.storefront.recommender.client.SentimentFeed;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the peers' change feeds bring, stored with the feed's cursor in the same transaction: a page is
 * applied entirely or not at all, and a page read twice changes nothing (orders replace their lines,
 * summaries replace the product's row).
 */
@ApplicationScoped
public class FeedRepository {

    public static final String ORDERS = "analytics.order-lines";
    public static final String SENTIMENT = "sentiment.product-sentiment";

    /** Where a feed was read up to, and when it was last read successfully. */
    public record Cursor(String feed, String cursor, OffsetDateTime syncedAt) {
    }

    private final Pool pool;

    public FeedRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Map<String, Cursor>> cursors() {
        return pool.query("SELECT feed, cursor, synced_at FROM recommender.feed_cursors").execute().map(rows -> {
            Map<String, Cursor> out = new HashMap<>();
            for (Row r : rows) out.put(r.getString("feed"), new Cursor(r.getString("feed"), r.getString("cursor"),
                    r.getOffsetDateTime("synced_at")));
            return out;
        });
    }

    /** Marks a feed read (an empty page still proves the peer answers). */
    public Uni<Void> touch(String feed, String cursor) {
        return saveCursor(pool, feed, cursor);
    }

    private static Uni<Void> saveCursor(SqlClient client, String feed, String cursor) {
        return client.preparedQuery("""
                        INSERT INTO recommender.feed_cursors (feed, cursor, synced_at) VALUES ($1, $2, now())
                        ON CONFLICT (feed) DO UPDATE SET cursor = excluded.cursor, synced_at = now()""")
                .execute(Tuple.of(feed, cursor)).replaceWithVoid();
    }

    /**
     * Stores that record only a category and sub-category per line (the original application's two-file
     * format has no products) are recommended at that grain: the sub-category stands for the product.
     */
    static AnalyticsFeed.Line withProduct(AnalyticsFeed.Line l) {
        if (l.productId() != null && !l.productId().isBlank()) return l;
        if (l.subCategory() == null || l.subCategory().isBlank()) return new AnalyticsFeed.Line(l.changeSeq(), l.orderId(),
                l.orderDate(), l.customerKey(), null, null, l.category(), l.subCategory(), l.quantity(), l.amount());
        String category = l.category() == null ? "" : l.category();
        return new AnalyticsFeed.Line(l.changeSeq(), l.orderId(), l.orderDate(), l.customerKey(),
                category + " / " + l.subCategory(), l.subCategory(), category, l.subCategory(), l.quantity(), l.amount());
    }

    /** Instances apply a feed's pages one at a time, so two of them syncing at once cannot interleave. */
    /** Held by a page's transaction until it commits; an erasure takes it too, so the two do not interleave. */
    static Uni<Void> lock(SqlClient tx, String feed) {
        return tx.preparedQuery("SELECT pg_advisory_xact_lock(hashtext($1))").execute(Tuple.of(feed)).replaceWithVoid();
    }

    /** Replaces the lines of every order in the page, adds products first seen in orders, moves the cursor. */
    public Uni<Integer> applyOrders(AnalyticsFeed.Page page) {
        // a line without its keys cannot be attributed; the feed's contract says they are always there
        List<AnalyticsFeed.Line> lines = page.lines() == null ? List.of() : page.lines().stream()
                .filter(l -> l.orderId() != null && l.customerKey() != null && l.orderDate() != null)
                .map(FeedRepository::withProduct).filter(l -> l.productId() != null)
                .toList();
        int n = lines.size();
        String[] orders = new String[n];
        Integer[] lineNo = new Integer[n];
        String[] users = new String[n];
        String[] products = new String[n];
        Integer[] quantities = new Integer[n];
        String[] amounts = new String[n];
        LocalDate[] dates = new LocalDate[n];
        Map<String, Integer> perOrder = new HashMap<>();
        Map<String, AnalyticsFeed.Line> seenProducts = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            AnalyticsFeed.Line l = lines.get(i);
            orders[i] = l.orderId();
            lineNo[i] = perOrder.merge(l.orderId(), 1, Integer::sum);
            users[i] = l.customerKey();
            products[i] = l.productId();
            quantities[i] = l.quantity();
            amounts[i] = l.amount() == null ? "0" : l.amount().toPlainString();
            dates[i] = l.orderDate();
            seenProducts.putIfAbsent(l.productId(), l);
        }
        List<AnalyticsFeed.Line> fresh = new ArrayList<>(seenProducts.values());
        String[] ids = fresh.stream().map(AnalyticsFeed.Line::productId).toArray(String[]::new);
        String[] names = fresh.stream().map(l -> l.productName() == null ? l.productId() : l.productName()).toArray(String[]::new);
        String[] categories = fresh.stream().map(l -> l.category() == null ? "" : l.category()).toArray(String[]::new);
        String[] subs = fresh.stream().map(l -> l.subCategory() == null ? "" : l.subCategory()).toArray(String[]::new);
        String[] prices = fresh.stream().map(l -> l.amount() == null || l.quantity() <= 0 ? "0"
                : l.amount().abs().divide(java.math.BigDecimal.valueOf(l.quantity()), 2, java.math.RoundingMode.HALF_UP)
                        .toPlainString()).toArray(String[]::new);
        return pool.withTransaction(tx -> lock(tx, ORDERS)
                .chain(() -> tx.preparedQuery("DELETE FROM recommender.purchases WHERE order_id = ANY($1)")
                        .execute(Tuple.of(perOrder.keySet().toArray(String[]::new))))
                .chain(() -> tx.preparedQuery("""
                                INSERT INTO recommender.purchases (order_id, line_no, user_id, product_id, quantity, amount, ordered_on)
                                SELECT o, l, u, p, q, a::numeric, d
                                  FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::int[], $6::text[], $7::date[])
                                       AS t(o, l, u, p, q, a, d)""")
                        .execute(Tuple.tuple(List.of(orders, lineNo, users, products, quantities, amounts, dates))))
                .chain(() -> tx.preparedQuery("""
                                INSERT INTO recommender.products (product_id, name, category, sub_category, price, source)
                                SELECT id, name, category, sub_category, price::numeric, 'orders'
                                  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
                                       AS t(id, name, category, sub_category, price)
                                ON CONFLICT (product_id) DO NOTHING""")
                        .execute(Tuple.of(ids, names, categories, subs, prices)))
                .chain(() -> saveCursor(tx, ORDERS, page.cursor()))
                .replaceWith(n));
    }

    /**
     * Replaces the sentiment of every product in the page and moves the cursor. A product without a mean polarity
     * (no reviews left, or none in English) loses its row, so that old reviews no longer move its rank.
     */
    public Uni<Integer> applySentiment(SentimentFeed.Page page) {
        // a product listed twice in one page: the later summary is the current one
        Map<String, SentimentFeed.Summary> latest = new LinkedHashMap<>();
        if (page.products() != null) for (SentimentFeed.Summary s : page.products()) latest.put(s.productId(), s);
        List<SentimentFeed.Summary> list = latest.values().stream().filter(s -> s.meanPolarity() != null).toList();
        String[] withoutSentiment = latest.values().stream().filter(s -> s.meanPolarity() == null)
                .map(SentimentFeed.Summary::productId).toArray(String[]::new);
        return pool.withTransaction(tx -> lock(tx, SENTIMENT).chain(() -> tx.preparedQuery("""
                                INSERT INTO recommender.product_sentiment (product_id, reviews, mean_polarity, positive_share,
                                                               negative_share, synced_at)
                                SELECT p, r, m, pos, neg, now()
                                  FROM unnest($1::text[], $2::int[], $3::float8[], $4::float8[], $5::float8[])
                                       AS t(p, r, m, pos, neg)
                                ON CONFLICT (product_id) DO UPDATE SET reviews = excluded.reviews,
                                       mean_polarity = excluded.mean_polarity, positive_share = excluded.positive_share,
                                       negative_share = excluded.negative_share, synced_at = now()""")
                        .execute(Tuple.of(list.stream().map(SentimentFeed.Summary::productId).toArray(String[]::new),
                                list.stream().map(SentimentFeed.Summary::scored).toArray(Integer[]::new),
                                list.stream().map(SentimentFeed.Summary::meanPolarity).toArray(Double[]::new),
                                list.stream().map(SentimentFeed.Summary::positiveShare).toArray(Double[]::new),
                                list.stream().map(SentimentFeed.Summary::negativeShare).toArray(Double[]::new))))
                .chain(() -> tx.preparedQuery("DELETE FROM recommender.product_sentiment WHERE product_id = ANY($1)")
                        .execute(Tuple.of((Object) withoutSentiment)))
                .chain(() -> saveCursor(tx, SENTIMENT, page.cursor()))
                .replaceWith(latest.size()));
    }
}
