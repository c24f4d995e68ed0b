package io.storefront.analytics.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.storefront.analytics.chart.ChartFormat;
import io.storefront.analytics.chart.RenderedChart;
import io.storefront.analytics.chart.SalesCharts;
import io.storefront.analytics.config.AnalyticsConfig;
import io.storefront.analytics.domain.DateRange;
import io.storefront.analytics.domain.MonthlySales;
import io.storefront.analytics.domain.PaymentModeSales;
import io.storefront.analytics.domain.SalesMath;
import io.storefront.analytics.repository.SalesRepository;
import io.storefront.commons.query.DateRangeQuery;
import jakarta.enterprise.context.ApplicationScoped;
import io.storefront.commons.problem.ProblemException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** The sales views: numbers from the rollups, charts drawn on worker threads. */
@ApplicationScoped
public class SalesService {

    /** What a sales summary holds; {@code range} is empty when nothing was imported yet. */
    public record SalesSummary(Optional<DateRange> range, List<MonthlySales> monthly, MonthlySales totals,
                               List<PaymentModeSales> paymentModes, List<RenderedChart> charts) {
    }

    /** Twenty years of months: longer ranges are mistakes and would draw unreadable charts. */
    static final int MAX_MONTHS = 240;

    private record CacheKey(long version, DateRangeQuery query, ChartFormat charts) {
    }

    private final SalesRepository sales;
    private final AnalyticsConfig config;
    private final ViewCache<CacheKey, SalesSummary> cache;

    public SalesService(SalesRepository sales, AnalyticsConfig config) {
        this.sales = sales;
        this.config = config;
        this.cache = new ViewCache<>(config.viewCacheEntries());
    }

    /** The version of the data the views are computed from; part of every cache key and ETag. */
    public Uni<Long> dataVersion() {
        return sales.dataVersion();
    }

    /** The summary at {@code version}, from the cache when it was computed before. */
    public Uni<SalesSummary> summary(long version, DateRangeQuery query, ChartFormat charts) {
        CacheKey key = new CacheKey(version, query, charts);
        SalesSummary cached = cache.get(key);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return summary(query, charts).invoke(summary -> cache.put(key, summary));
    }

    public String currency() {
        return config.currency();
    }

    private Uni<SalesSummary> summary(DateRangeQuery query, ChartFormat charts) {
        return resolve(query).chain(range -> {
            if (range.isEmpty()) {
                // nothing imported yet: empty numbers, and charts that say so
                return render(charts, List.of(), List.of()).map(drawn ->
                        new SalesSummary(range, List.of(), SalesMath.total(List.of()), List.of(), drawn));
            }
            DateRange r = range.get();
            long span = ChronoUnit.MONTHS.between(YearMonth.from(r.from()), YearMonth.from(r.to())) + 1;
            if (span > MAX_MONTHS) {
                throw ProblemException.invalid("from", "the range " + r.from() + " to " + r.to() + " spans " + span
                        + " months; the monthly summary covers at most " + MAX_MONTHS);
            }
            return Uni.combine().all().unis(sales.monthly(r), sales.byPaymentMode(r)).asTuple()
                    .chain(t -> {
                        List<MonthlySales> months = SalesMath.fillMonths(r, t.getItem1());
                        List<PaymentModeSales> modes = t.getItem2();
                        return render(charts, months, modes).map(drawn ->
                                new SalesSummary(range, months, SalesMath.total(months), modes, drawn));
                    });
        });
    }

    private Uni<List<RenderedChart>> render(ChartFormat format, List<MonthlySales> months, List<PaymentModeSales> modes) {
        if (format == ChartFormat.NONE) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.createFrom().item(() -> List.of(
                        SalesCharts.monthlyTrend(months, config.currency(), format),
                        SalesCharts.paymentModes(modes, config.currency(), format)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Open ends of the query fall back to the first and last day with data. */
    private Uni<Optional<DateRange>> resolve(DateRangeQuery query) {
        if (query.from() != null && query.to() != null) {
            return Uni.createFrom().item(Optional.of(new DateRange(query.from(), query.to())));
        }
        return sales.dataRange().map(data -> data.map(d -> {
            LocalDate from = query.from() != null ? query.from() : d.from();
            LocalDate to = query.to() != null ? query.to() : d.to();
            return from.isAfter(to) ? new DateRange(from, from) : new DateRange(from, to);
        }));
    }
}
