package io.storefront.analytics.repository;

import io.smallrye.mutiny.Uni;
import io.storefront.analytics.domain.DateRange;
import io.storefront.analytics.domain.SalesFigures;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Reads the monthly product rollup. */
@ApplicationScoped
public class ProductRepository {

    /** What a ranking orders by. */
    public enum Metric {
        REVENUE("revenue_cents"), UNITS("units"), PROFIT("profit_cents");

        private final String column;

        Metric(String column) {
            this.column = column;
        }
    }

    public record ProductSales(String key, String name, String category, String subCategory, SalesFigures figures) {
    }

    private final Pool pool;

    public ProductRepository(Pool pool) {
        this.pool = pool;
    }

    /** The top {@code limit} products of whole months {@code months} (first to last day of months). */
    public Uni<List<ProductSales>> top(DateRange months, String category, String subCategory, Metric metric, int limit) {
        List<Object> params = new ArrayList<>(List.of(months.from().withDayOfMonth(1), months.to().withDayOfMonth(1)));
        StringBuilder sql = new StringBuilder("""
                SELECT product_key, max(product_name) AS name, max(category) AS category, max(sub_category) AS sub_category,
                       sum(orders)::bigint AS orders, sum(revenue_cents)::bigint AS revenue,
                       sum(profit_cents)::bigint AS profit, sum(units)::bigint AS units, sum(lines)::bigint AS lines
                  FROM analytics.product_sales
                 WHERE grain = 'm' AND period BETWEEN $1 AND $2""");
        if (category != null) {
            params.add(category);
            sql.append(" AND category = $").append(params.size());
        }
        if (subCategory != null) {
            params.add(subCategory);
            sql.append(" AND sub_category = $").append(params.size());
        }
        params.add(limit);
        sql.append(" GROUP BY product_key ORDER BY sum(").append(metric.column).append(") DESC, product_key LIMIT $")
                .append(params.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(params)).map(rows -> {
            List<ProductSales> top = new ArrayList<>();
            rows.forEach(r -> top.add(new ProductSales(r.getString("product_key"), r.getString("name"),
                    r.getString("category"), r.getString("sub_category"), new SalesFigures(r.getLong("orders"),
                    r.getLong("revenue"), r.getLong("profit"), r.getLong("units"), r.getLong("lines")))));
            return top;
        });
    }
}
