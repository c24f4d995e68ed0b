package io.storefront.analytics.repository;

import io.smallrye.mutiny.Uni;
import io.storefront.analytics.domain.ProductMonths;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads the monthly product rollup. */
@ApplicationScoped
public class ProductRepository {

    private final Pool pool;

    public ProductRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Every product-month of the rollup, for {@link ProductMonths}; streamed through a cursor so that
     * millions of rows never sit in memory as row objects.
     */
    public Uni<ProductMonths> months() {
        return pool.withTransaction(conn -> conn.prepare("""
                        SELECT period, product_key, product_name, category, sub_category, orders, revenue_cents,
                               profit_cents, units, lines
                          FROM analytics.product_sales WHERE grain = 'm'""")
                .onItem().transformToMulti(statement -> statement.createStream(20_000).toMulti())
                .collect().in(ProductMonths.Builder::new, (builder, r) -> builder.add(r.getLocalDate(0), r.getString(1),
                        r.getString(2), r.getString(3), r.getString(4), r.getLong(5), r.getLong(6), r.getLong(7),
                        r.getLong(8), r.getLong(9)))
                .map(ProductMonths.Builder::build));
    }
}
