package io.storefront.analytics.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.storefront.analytics.chart.ChartFormat;
import io.storefront.analytics.chart.RenderedChart;
import io.storefront.analytics.chart.SalesCharts;
import io.storefront.analytics.chart.ViewCharts;
import io.storefront.analytics.chart.TreemapChart;
import io.storefront.analytics.chart.CustomerCharts;
import io.storefront.analytics.config.AnalyticsConfig;
import io.storefront.analytics.domain.Breakdown;
import io.storefront.analytics.domain.CubePlan;
import io.storefront.analytics.domain.CubeRow;
import io.storefront.analytics.domain.DateRange;
import io.storefront.analytics.domain.Dimensions;
import io.storefront.analytics.domain.Forecast;
import io.storefront.analytics.domain.MonthlySales;
import io.storefront.analytics.domain.PaymentModeSales;
import io.storefront.analytics.domain.SalesFigures;
import io.storefront.analytics.domain.SalesFilter;
import io.storefront.analytics.repository.SalesRepository;
import io.storefront.commons.problem.ProblemException;
import io.storefront.commons.query.DateRangeQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The sales views: numbers read from the sales cube, charts drawn on worker threads, both cached
 * by (data version, view, parameters, chart format).
 */
@ApplicationScoped
public class SalesService {

    /** Longest ranges per breakdown: longer ones are mistakes and would draw unreadable charts. */
    static final int MAX_MONTHS = 240;
    static final int MAX_DAYS = 366;
    static final int MAX_WEEKS = 520;
    public static final int FORECAST_MONTHS = 3;

    /** A query after defaults and validation: the range is empty when nothing was imported yet. */
    public record Scope(Optional<DateRange> range, boolean widened, SalesFilter filter) {
    }

    /** One period of a series, with the same period a year earlier (null before the data starts). */
    public record Period(LocalDate start, SalesFigures figures, SalesFigures previousYear) {
    }

    public record Trend(Scope scope, Breakdown interval, List<Period> periods, SalesFigures totals,
                        SalesFigures previousYearTotals, Optional<Forecast.Result> forecast,
                        List<LocalDate> forecastPeriods, List<RenderedChart> charts) {
    }

    /** One group of a breakdown (a payment mode, a state, a sub-category with its category as parent...). */
    public record Part(String key, String parent, SalesFigures figures) {
    }

    public record Parts(Scope scope, Breakdown by, List<Part> parts, SalesFigures totals, List<RenderedChart> charts) {
    }

    public record SalesSummary(Scope scope, List<Period> monthly, SalesFigures totals, List<Part> paymentModes,
                               List<RenderedChart> charts) {
    }

    private final SalesRepository sales;
    private final AnalyticsConfig config;
    private final ViewCache<ViewKey, Object> cache;

    public SalesService(SalesRepository sales, AnalyticsConfig config, MeterRegistry registry) {
        this.sales = sales;
        this.config = config;
        this.cache = new ViewCache<>(config.viewCacheEntries(), ViewCacheMetrics.lookups(registry, "sales"));
    }

    /** The version of the data the views are computed from; part of every cache key and ETag. */
    public Uni<Long> dataVersion() {
        return sales.dataVersion();
    }

    public String currency() {
        return config.currency();
    }

    /** The filter values and date range present in the data. */
    public Uni<Dimensions> dimensions(long version) {
        return cache.getOrCompute(new ViewKey(version, "dimensions", null, ChartFormat.NONE), sales::dimensions);
    }

    /** Monthly trend and payment-mode share: the original application's sales page. */
    public Uni<SalesSummary> summary(long version, DateRangeQuery query, SalesFilter filter, ChartFormat format) {
        return cache.getOrCompute(new ViewKey(version, "summary", List.of(query, filter), format), () ->
                scope(version, query, filter, Breakdown.MONTH).chain(scope -> {
                    if (scope.range().isEmpty()) {
                        return renderEach(format, summaryCharts(List.of(), List.of(), format))
                                .map(c -> new SalesSummary(scope, List.of(), SalesFigures.ZERO, List.of(), c));
                    }
                    DateRange range = scope.range().get();
                    return Uni.combine().all().unis(read(scope, Breakdown.MONTH), read(scope, Breakdown.PAYMENT_MODE))
                            .asTuple().chain(t -> {
                                List<Period> months = fill(range, Breakdown.MONTH, t.getItem1(), Map.of(), null);
                                List<Part> modes = ranked(t.getItem2(), Comparator.comparingLong(
                                        (Part p) -> p.figures().revenueCents()).reversed());
                                return renderEach(format, summaryCharts(months, modes, format)).map(c ->
                                        new SalesSummary(scope, months, total(months), modes, c));
                            });
                }));
    }

    /** Revenue, orders, units, profit per day, week or month with the year before and, monthly, a forecast. */
    public Uni<Trend> trend(long version, DateRangeQuery query, SalesFilter filter, Breakdown interval,
                            ChartFormat format) {
        return cache.getOrCompute(new ViewKey(version, "trend", List.of(query, filter, interval), format), () ->
                Uni.combine().all().unis(scope(version, query, filter, interval), dimensions(version)).asTuple()
                        .chain(t -> {
                            Scope scope = t.getItem1();
                            if (scope.range().isEmpty()) {
                                return renderEach(format, trendCharts(interval, List.of(), Optional.empty(), List.of(), format))
                                        .map(c -> new Trend(scope, interval, List.of(), SalesFigures.ZERO,
                                                SalesFigures.ZERO, Optional.empty(), List.of(), c));
                            }
                            DateRange range = scope.range().get();
                            DateRange data = t.getItem2().range().orElseThrow();
                            DateRange previous = new DateRange(yearBefore(range.from(), interval),
                                    yearBefore(range.to(), interval));
                            Scope previousScope = new Scope(Optional.of(previous), scope.widened(), scope.filter());
                            return Uni.combine().all().unis(read(scope, interval), read(previousScope, interval))
                                    .asTuple().chain(rows -> {
                                        Map<LocalDate, SalesFigures> before = new HashMap<>();
                                        rows.getItem2().forEach(r -> before.put(r.period(), r.figures()));
                                        List<Period> periods = fill(range, interval, rows.getItem1(), before,
                                                data.from());
                                        SalesFigures previousTotals = periods.stream()
                                                .map(p -> p.previousYear() == null ? SalesFigures.ZERO : p.previousYear())
                                                .reduce(SalesFigures.ZERO, SalesFigures::plus);
                                        Optional<Forecast.Result> forecast = Optional.empty();
                                        List<LocalDate> forecastPeriods = List.of();
                                        if (interval == Breakdown.MONTH) {
                                            List<Period> complete = completeMonths(periods, range, data);
                                            double[] history = complete.stream()
                                                    .mapToDouble(p -> p.figures().revenueCents() / 100.0).toArray();
                                            forecast = Forecast.of(history, FORECAST_MONTHS, 12);
                                            if (forecast.isPresent()) {
                                                LocalDate last = complete.getLast().start();
                                                forecastPeriods = List.of(last.plusMonths(1), last.plusMonths(2),
                                                        last.plusMonths(3));
                                            }
                                        }
                                        Optional<Forecast.Result> f = forecast;
                                        List<LocalDate> fp = forecastPeriods;
                                        return renderEach(format, trendCharts(interval, periods, f, fp, format)).map(c ->
                                                new Trend(scope, interval, periods, total(periods), previousTotals,
                                                        f, fp, c));
                                    });
                        }));
    }

    /** Sales per payment mode: shares by revenue and by orders. */
    public Uni<Parts> paymentModes(long version, DateRangeQuery query, SalesFilter filter, ChartFormat format) {
        return parts(version, "payment-modes", query, filter, Breakdown.PAYMENT_MODE, format,
                Comparator.comparingLong((Part p) -> p.figures().revenueCents()).reversed(), parts -> List.of(
                        () -> ViewCharts.donut("payment-modes-revenue", "Revenue by payment mode", keys(parts),
                                parts.stream().map(p -> p.figures().revenueCents() / 100.0).toList(),
                                "revenue by payment mode", format),
                        () -> ViewCharts.donut("payment-modes-orders", "Orders by payment mode", keys(parts),
                                parts.stream().map(p -> (double) p.figures().orders()).toList(),
                                "orders by payment mode", format)));
    }

    /** Sales per state, or per city of the state the filter names. */
    public Uni<Parts> regions(long version, DateRangeQuery query, SalesFilter filter, ChartFormat format) {
        Breakdown by = filter.state() == null ? Breakdown.STATE : Breakdown.CITY;
        String title = by == Breakdown.STATE ? "Revenue by state" : "Revenue by city in " + filter.state();
        return parts(version, "regions", query, filter, by, format,
                Comparator.comparingLong((Part p) -> p.figures().revenueCents()).reversed(), parts -> List.of(
                        () -> ViewCharts.ranking("regions", title, keys(parts),
                                parts.stream().map(p -> p.figures().revenueCents() / 100.0).toList(),
                                "revenue (" + config.currency() + ")", format)));
    }

    /** Profit and margin per category or sub-category, worst first so that losses stand out. */
    public Uni<Parts> profit(long version, DateRangeQuery query, SalesFilter filter, Breakdown by, ChartFormat format) {
        String title = by == Breakdown.CATEGORY ? "Profit by category" : "Profit by sub-category";
        return parts(version, "profit", query, filter, by, format,
                Comparator.comparingLong((Part p) -> p.figures().profitCents()), parts -> List.of(
                        () -> ViewCharts.profitBars("profit", title, keys(parts),
                                parts.stream().map(p -> p.figures().profitCents() / 100.0).toList(),
                                config.currency(), format)));
    }

    /** Revenue as area and margin as colour, by category or by sub-category within categories. */
    public Uni<Parts> treemap(long version, DateRangeQuery query, SalesFilter filter, Breakdown level, ChartFormat format) {
        String title = level == Breakdown.CATEGORY ? "Revenue by category" : "Revenue by sub-category";
        return parts(version, "treemap", query, filter, level, format,
                Comparator.comparingLong((Part p) -> p.figures().revenueCents()).reversed(), parts -> List.of(
                        () -> TreemapChart.draw("treemap", title, parts.stream().map(p -> new TreemapChart.Leaf(
                                p.parent() == null ? p.key() : p.parent(), p.key(), p.figures().revenueCents() / 100.0,
                                p.figures().margin())).toList(), config.currency(), format)));
    }

    /** Average order value overall, by month, by category and by payment mode, over one scope. */
    public record AverageOrderValue(Scope scope, SalesFigures totals, List<Period> monthly, List<Part> byCategory,
                                    List<Part> byPaymentMode, List<RenderedChart> charts) {
    }

    public Uni<AverageOrderValue> averageOrderValue(long version, DateRangeQuery query, SalesFilter filter,
                                                    ChartFormat format) {
        // the category breakdown is the most demanding read, so its scope (maybe whole months) serves all four
        return cache.getOrCompute(new ViewKey(version, "average-order-value", List.of(query, filter), format), () ->
                scope(version, query, filter, Breakdown.CATEGORY).chain(scope -> {
                    if (scope.range().isEmpty()) {
                        return renderEach(format, aovCharts(List.of(), List.of(), format)).map(c ->
                                new AverageOrderValue(scope, SalesFigures.ZERO, List.of(), List.of(), List.of(), c));
                    }
                    DateRange range = scope.range().get();
                    Comparator<Part> byValue = Comparator.comparingDouble((Part p) -> p.figures().averageOrderCents()).reversed();
                    return Uni.combine().all().unis(read(scope, Breakdown.TOTAL), read(scope, Breakdown.MONTH),
                            read(scope, Breakdown.CATEGORY), read(scope, Breakdown.PAYMENT_MODE)).asTuple().chain(t -> {
                        SalesFigures totals = t.getItem1().stream().map(CubeRow::figures)
                                .reduce(SalesFigures.ZERO, SalesFigures::plus);
                        List<Period> months = fill(range, Breakdown.MONTH, t.getItem2(), Map.of(), null);
                        List<Part> categories = ranked(t.getItem3(), byValue);
                        List<Part> modes = ranked(t.getItem4(), byValue);
                        return renderEach(format, aovCharts(months, categories, format)).map(c ->
                                new AverageOrderValue(scope, totals, months, categories, modes, c));
                    });
                }));
    }

    private List<Supplier<RenderedChart>> aovCharts(List<Period> months, List<Part> categories, ChartFormat format) {
        return List.of(
                () -> CustomerCharts.bars("aov-monthly", "Average order value by month (" + config.currency() + ")",
                        config.currency(), months.stream().map(p -> ViewCharts.label(p.start(), true)).toList(),
                        months.stream().map(p -> Math.round(p.figures().averageOrderCents()) / 100.0).toList(), format),
                () -> ViewCharts.ranking("aov-by-category", "Average order value by category", keys(categories),
                        categories.stream().map(p -> p.figures().averageOrderCents() / 100.0).toList(),
                        "average order value (" + config.currency() + ")", format));
    }

    private Uni<Parts> parts(long version, String view, DateRangeQuery query, SalesFilter filter, Breakdown by,
                             ChartFormat format, Comparator<Part> order,
                             java.util.function.Function<List<Part>, List<Supplier<RenderedChart>>> charts) {
        return cache.getOrCompute(new ViewKey(version, view, List.of(query, filter, by), format), () ->
                scope(version, query, filter, by).chain(scope -> {
                    if (scope.range().isEmpty()) {
                        return renderEach(format, charts.apply(List.of()))
                                .map(c -> new Parts(scope, by, List.of(), SalesFigures.ZERO, c));
                    }
                    // totals are read, not summed: an order with lines in two groups is one order
                    return Uni.combine().all().unis(read(scope, by), read(scope, Breakdown.TOTAL)).asTuple().chain(r -> {
                        List<Part> parts = ranked(r.getItem1(), order);
                        SalesFigures totals = r.getItem2().stream().map(CubeRow::figures)
                                .reduce(SalesFigures.ZERO, SalesFigures::plus);
                        return renderEach(format, charts.apply(parts)).map(c -> new Parts(scope, by, parts, totals, c));
                    });
                }));
    }

    Uni<List<CubeRow>> read(Scope scope, Breakdown by) {
        CubePlan plan = CubePlan.of(scope.range().orElseThrow(), scope.filter(), by);
        return sales.read(plan, scope.filter(), by);
    }

    /**
     * Validates the filter against the data, fills open range ends from the data and checks the length
     * of the range for the breakdown; a place combined with a line filter widens it to whole months.
     */
    public Uni<Scope> scope(long version, DateRangeQuery query, SalesFilter filter, Breakdown by) {
        return dimensions(version).map(dims -> {
            dims.unknownValue(filter).ifPresent(bad -> {
                throw ProblemException.invalid(bad.getKey(), bad.getValue());
            });
            Optional<DateRange> data = dims.range();
            if (data.isEmpty() && (query.from() == null || query.to() == null)) {
                return new Scope(Optional.empty(), false, filter);
            }
            LocalDate from = query.from() != null ? query.from() : data.get().from();
            LocalDate to = query.to() != null ? query.to() : data.get().to();
            if (from.isAfter(to)) {
                // one open end fell on the wrong side of the data: an empty range at the given end
                from = query.from() != null ? query.from() : to;
                to = query.to() != null ? query.to() : from;
            }
            if (query.from() == null) {
                // an open start shows as much of the latest data as the breakdown allows, not a 400
                from = latestStart(from, to, by);
            }
            DateRange range = new DateRange(from, to);
            checkLength(range, by);
            try {
                CubePlan plan = CubePlan.of(range, filter, by);
                return new Scope(Optional.of(plan.range()), plan.widened(), filter);
            } catch (CubePlan.Unanswerable e) {
                throw ProblemException.invalid("interval", e.getMessage());
            }
        });
    }

    private static LocalDate latestStart(LocalDate from, LocalDate to, Breakdown by) {
        LocalDate earliest = switch (by) {
            case DAY -> to.minusDays(MAX_DAYS - 1);
            case WEEK -> to.minusWeeks(MAX_WEEKS - 1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> to.withDayOfMonth(1).minusMonths(MAX_MONTHS - 1);
            default -> from;
        };
        return from.isBefore(earliest) ? earliest : from;
    }

    private static void checkLength(DateRange range, Breakdown by) {
        long days = ChronoUnit.DAYS.between(range.from(), range.to()) + 1;
        long months = ChronoUnit.MONTHS.between(YearMonth.from(range.from()), YearMonth.from(range.to())) + 1;
        if (by == Breakdown.DAY && days > MAX_DAYS) {
            throw ProblemException.invalid("interval", "a daily series covers at most " + MAX_DAYS + " days; "
                    + range.from() + " to " + range.to() + " is " + days + " days: ask for interval=week or month");
        }
        if (by == Breakdown.WEEK && days > 7L * MAX_WEEKS) {
            throw ProblemException.invalid("interval", "a weekly series covers at most " + MAX_WEEKS + " weeks; "
                    + range.from() + " to " + range.to() + " is " + days + " days: ask for interval=month");
        }
        // a monthly series longer than this draws an unreadable chart; breakdowns and totals take any range
        if (by == Breakdown.MONTH && months > MAX_MONTHS) {
            throw ProblemException.invalid("from", "the range " + range.from() + " to " + range.to() + " spans "
                    + months + " months; a monthly series covers at most " + MAX_MONTHS);
        }
    }

    /** Every bucket of the range in order, empty ones as zeros, each with its year-earlier figures. */
    static List<Period> fill(DateRange range, Breakdown interval, List<CubeRow> rows,
                             Map<LocalDate, SalesFigures> yearBefore, LocalDate dataStart) {
        Map<LocalDate, SalesFigures> byStart = new HashMap<>();
        rows.forEach(r -> byStart.put(r.period(), r.figures()));
        List<Period> periods = new ArrayList<>();
        for (LocalDate start = bucketStart(range.from(), interval); !start.isAfter(range.to());
             start = next(start, interval)) {
            LocalDate earlier = yearBefore(start, interval);
            boolean known = dataStart != null && !next(earlier, interval).minusDays(1).isBefore(dataStart);
            periods.add(new Period(start, byStart.getOrDefault(start, SalesFigures.ZERO),
                    known ? yearBefore.getOrDefault(earlier, SalesFigures.ZERO) : null));
        }
        return periods;
    }

    private static LocalDate bucketStart(LocalDate day, Breakdown interval) {
        return switch (interval) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            default -> day.withDayOfMonth(1);
        };
    }

    private static LocalDate next(LocalDate start, Breakdown interval) {
        return switch (interval) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            default -> start.plusMonths(1);
        };
    }

    /** The same period a year earlier; weeks go back 52 weeks so that weekdays line up. */
    private static LocalDate yearBefore(LocalDate day, Breakdown interval) {
        return interval == Breakdown.WEEK ? day.minusWeeks(52) : day.minusYears(1);
    }

    /** Months wholly inside both the range and the data: a forecast from a half month would dip. */
    private static List<Period> completeMonths(List<Period> months, DateRange range, DateRange data) {
        LocalDate first = range.from().isAfter(data.from()) ? range.from() : data.from();
        LocalDate last = range.to().isBefore(data.to()) ? range.to() : data.to();
        return months.stream()
                .filter(p -> !p.start().isBefore(first) && !p.start().with(TemporalAdjusters.lastDayOfMonth()).isAfter(last))
                .toList();
    }

    private static SalesFigures total(List<Period> periods) {
        return periods.stream().map(Period::figures).reduce(SalesFigures.ZERO, SalesFigures::plus);
    }

    private static List<Part> ranked(List<CubeRow> rows, Comparator<Part> order) {
        return rows.stream().map(r -> new Part(r.key(), r.parent().isEmpty() ? null : r.parent(), r.figures()))
                .sorted(order.thenComparing(Part::key)).toList();
    }

    private static List<String> keys(List<Part> parts) {
        return parts.stream().map(Part::key).toList();
    }

    private List<Supplier<RenderedChart>> summaryCharts(List<Period> months, List<Part> modes, ChartFormat format) {
        List<MonthlySales> monthly = months.stream().map(p -> new MonthlySales(YearMonth.from(p.start()),
                p.figures().revenueCents(), p.figures().profitCents(), p.figures().units(), p.figures().orders())).toList();
        List<PaymentModeSales> byMode = modes.stream().map(p ->
                new PaymentModeSales(p.key(), p.figures().revenueCents(), p.figures().orders())).toList();
        return List.of(() -> SalesCharts.monthlyTrend(monthly, config.currency(), format),
                () -> SalesCharts.paymentModes(byMode, config.currency(), format));
    }

    private List<Supplier<RenderedChart>> trendCharts(Breakdown interval, List<Period> periods,
                                            Optional<Forecast.Result> forecast, List<LocalDate> forecastPeriods,
                                            ChartFormat format) {
        boolean monthly = interval == Breakdown.MONTH;
        List<LocalDate> starts = periods.stream().map(Period::start).toList();
        return List.of(
                () -> ViewCharts.salesTrend(monthly, starts,
                        periods.stream().map(p -> p.figures().revenueCents() / 100.0).toList(),
                        periods.stream().map(p -> p.previousYear() == null ? null : p.previousYear().revenueCents() / 100.0).toList(),
                        forecastPeriods, forecast.map(Forecast.Result::points).orElse(List.of()),
                        config.currency(), format),
                () -> ViewCharts.orderVolume(monthly, starts, periods.stream().map(p -> p.figures().orders()).toList(),
                        format));
    }

    /** Draws charts on a worker thread; none for {@code charts=none}. */
    static Uni<List<RenderedChart>> render(ChartFormat format, Supplier<List<RenderedChart>> draw) {
        if (format == ChartFormat.NONE) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.createFrom().item(draw).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Draws each chart on its own worker, so a view's charts take as long as the slowest, not the sum. */
    static Uni<List<RenderedChart>> renderEach(ChartFormat format, List<Supplier<RenderedChart>> charts) {
        if (format == ChartFormat.NONE) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<RenderedChart>> drawn = charts.stream()
                .map(c -> Uni.createFrom().item(c).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())).toList();
        return Uni.combine().all().unis(drawn).with(RenderedChart.class, List::copyOf);
    }

}
