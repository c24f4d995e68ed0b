package io.storefront.analytics.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.storefront.analytics.chart.ChartFormat;
import io.storefront.analytics.chart.RenderedChart;
import io.storefront.analytics.chart.ViewCharts;
import io.storefront.analytics.config.AnalyticsConfig;
import io.storefront.analytics.domain.Breakdown;
import io.storefront.analytics.domain.DateRange;
import io.storefront.analytics.domain.SalesFilter;
import io.storefront.analytics.repository.ProductRepository;
import io.storefront.analytics.domain.ProductMonths;
import io.storefront.analytics.domain.ProductMonths.Metric;
import java.time.YearMonth;
import io.storefront.analytics.service.SalesService.Scope;
import io.storefront.commons.problem.ProblemException;
import io.storefront.commons.query.DateRangeQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Product rankings. Products are kept per month (a row per product and day would be nearly a row per
 * line), so rankings cover whole months: a range is widened to them and the scope says so. They
 * take category and sub-category filters, not state or payment mode.
 */
@ApplicationScoped
public class ProductService {

    public static final int MAX_LIMIT = 100;

    public record TopProducts(Scope scope, Metric metric, List<ProductMonths.Ranked> products, List<RenderedChart> charts) {
    }

    private final ProductRepository products;
    private final SalesService sales;
    private final AnalyticsConfig config;
    private final ViewCache<ViewKey, Object> cache;

    public ProductService(ProductRepository products, SalesService sales, AnalyticsConfig config, MeterRegistry registry) {
        this.products = products;
        this.sales = sales;
        this.config = config;
        this.cache = new ViewCache<>(config.viewCacheEntries(), ViewCacheMetrics.lookups(registry, "products"));
    }

    public Uni<TopProducts> top(long version, DateRangeQuery query, SalesFilter filter, Metric metric, int limit,
                                ChartFormat format) {
        if (filter.state() != null || filter.paymentMode() != null) {
            throw ProblemException.invalid(filter.state() != null ? "state" : "paymentMode",
                    "product rankings are kept per month, category and sub-category; they cannot be filtered by state "
                            + "or payment mode");
        }
        return cache.getOrCompute(new ViewKey(version, "top", List.of(query, filter, metric, limit), format), () ->
                sales.scope(version, query, filter, Breakdown.TOTAL).chain(resolved -> {
                    Scope scope = wholeMonths(resolved);
                    Uni<List<ProductMonths.Ranked>> top = scope.range().isEmpty() ? Uni.createFrom().item(List.of())
                            : months(version).map(m -> m.top(YearMonth.from(scope.range().get().from()),
                                    YearMonth.from(scope.range().get().to()), filter.category(), filter.subCategory(),
                                    metric, limit));
                    return top.chain(list -> SalesService.render(format, () -> List.of(ViewCharts.ranking("top-products",
                                    "Top products by " + metric.name().toLowerCase(Locale.ROOT),
                                    list.stream().map(r -> r.product().name()).toList(),
                                    list.stream().map(p -> value(p, metric)).toList(),
                                    metric == Metric.UNITS ? "units" : metric.name().toLowerCase(Locale.ROOT)
                                            + " (" + config.currency() + ")", format)))
                            .map(charts -> new TopProducts(scope, metric, list, charts)));
                }));
    }

    private static double value(ProductMonths.Ranked p, Metric metric) {
        return switch (metric) {
            case REVENUE -> p.figures().revenueCents() / 100.0;
            case PROFIT -> p.figures().profitCents() / 100.0;
            case UNITS -> p.figures().units();
        };
    }

    /** The product rollup in memory at {@code version}, read once per version (see {@link ProductMonths}). */
    public Uni<ProductMonths> months(long version) {
        return cache.getOrCompute(new ViewKey(version, "product-months", null, ChartFormat.NONE), products::months);
    }

    private static Scope wholeMonths(Scope scope) {
        if (scope.range().isEmpty()) return scope;
        DateRange r = scope.range().get();
        DateRange months = new DateRange(r.from().withDayOfMonth(1), r.to().with(TemporalAdjusters.lastDayOfMonth()));
        return new Scope(Optional.of(months), scope.widened() || !months.equals(r), scope.filter());
    }

}
