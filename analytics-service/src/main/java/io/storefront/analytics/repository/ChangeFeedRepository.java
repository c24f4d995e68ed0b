package io.storefront.analytics.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads orders changed after a cursor, with all their current lines. */
@ApplicationScoped
public class ChangeFeedRepository {

    /** One current line of a changed order; money in cents. */
    public record ChangedLine(long changeSeq, String orderId, LocalDate orderDate, String customerKey,
                              String state, String city, String productId, String productName, String category,
                              String subCategory, int quantity, long amountCents, long profitCents, String paymentMode) {
    }

    private final Pool pool;

    public ChangeFeedRepository(Pool pool) {
        this.pool = pool;
    }

    /** Lines of at most {@code orders} orders with change_seq above {@code after}, in change order. */
    public Uni<List<ChangedLine>> after(long after, int orders) {
        return pool.preparedQuery("""
                        SELECT o.change_seq, o.order_id, o.order_date, o.customer_key, o.state, o.city,
                               l.product_id, l.product_name, l.category, l.sub_category, l.quantity,
                               l.amount_cents, l.profit_cents, l.payment_mode
                          FROM (SELECT * FROM analytics.orders WHERE change_seq > $1 ORDER BY change_seq LIMIT $2) o
                          JOIN analytics.order_lines l ON l.order_id = o.order_id
                         ORDER BY o.change_seq, l.line_no""")
                .execute(Tuple.of(after, orders))
                .map(rows -> {
                    List<ChangedLine> lines = new ArrayList<>();
                    for (Row r : rows) {
                        lines.add(new ChangedLine(r.getLong("change_seq"), r.getString("order_id"),
                                r.getLocalDate("order_date"), r.getString("customer_key"), r.getString("state"),
                                r.getString("city"), r.getString("product_id"), r.getString("product_name"),
                                r.getString("category"), r.getString("sub_category"), r.getInteger("quantity"),
                                r.getLong("amount_cents"), r.getLong("profit_cents"), r.getString("payment_mode")));
                    }
                    return lines;
                });
    }
}
