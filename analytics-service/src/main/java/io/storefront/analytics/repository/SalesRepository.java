package io.storefront.analytics.repository;

import io.smallrye.mutiny.Uni;
import io.storefront.analytics.domain.DateRange;
import io.storefront.analytics.domain.MonthlySales;
import io.storefront.analytics.domain.PaymentModeSales;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the sales rollups; cost depends on days × dimensions, never on the number of orders. */
@ApplicationScoped
public class SalesRepository {

    private final Pool pool;

    public SalesRepository(Pool pool) {
        this.pool = pool;
    }

    /** The version of the data, bumped by every committed import. */
    public Uni<Long> dataVersion() {
        return pool.query("SELECT version FROM analytics.data_version WHERE id = 1").execute()
                .map(rows -> rows.iterator().next().getLong("version"));
    }

    /** The first and last day with orders, or empty when nothing was imported. */
    public Uni<Optional<DateRange>> dataRange() {
        return pool.query("SELECT min(day) AS first, max(day) AS last FROM analytics.orders_daily").execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    LocalDate first = row.getLocalDate("first");
                    return first == null ? Optional.empty() : Optional.of(new DateRange(first, row.getLocalDate("last")));
                });
    }

    public Uni<List<MonthlySales>> monthly(DateRange range) {
        return pool.preparedQuery("""
                        SELECT date_trunc('month', day)::date AS month, sum(revenue_cents)::bigint AS revenue,
                               sum(profit_cents)::bigint AS profit, sum(units)::bigint AS units, sum(orders)::bigint AS orders
                          FROM analytics.orders_daily
                         WHERE day BETWEEN $1 AND $2
                         GROUP BY 1 ORDER BY 1""")
                .execute(Tuple.of(range.from(), range.to()))
                .map(rows -> {
                    List<MonthlySales> months = new ArrayList<>();
                    for (Row r : rows) {
                        months.add(new MonthlySales(YearMonth.from(r.getLocalDate("month")), r.getLong("revenue"),
                                r.getLong("profit"), r.getLong("units"), r.getLong("orders")));
                    }
                    return months;
                });
    }

    public Uni<List<PaymentModeSales>> byPaymentMode(DateRange range) {
        return pool.preparedQuery("""
                        SELECT payment_mode, sum(revenue_cents)::bigint AS revenue, sum(orders)::bigint AS orders
                          FROM analytics.payment_daily
                         WHERE day BETWEEN $1 AND $2
                         GROUP BY 1 ORDER BY 2 DESC, 1""")
                .execute(Tuple.of(range.from(), range.to()))
                .map(rows -> {
                    List<PaymentModeSales> modes = new ArrayList<>();
                    for (Row r : rows) {
                        modes.add(new PaymentModeSales(r.getString("payment_mode"), r.getLong("revenue"), r.getLong("orders")));
                    }
                    return modes;
                });
    }
}
