package io.storefront.analytics.rest;

import io.storefront.analytics.domain.Forecast;
import io.storefront.analytics.service.SalesService.Trend;
import io.storefront.analytics.rest.ViewJson.Chart;
import io.storefront.analytics.rest.ViewJson.Figures;
import io.storefront.analytics.rest.ViewJson.ScopeJson;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /api/v1/sales/trend}: a series by day, week or month with year-over-year figures and a forecast. */
public record SalesTrendResponse(ScopeJson scope, String interval, String currency, Figures totals,
                                 @Schema(description = "The same periods a year earlier (52 weeks for weekly series)")
                                 Figures previousYearTotals,
                                 @Schema(description = "Revenue change against the year before, as a ratio; null without earlier data")
                                 Double revenueGrowth,
                                 List<Period> series, ForecastJson forecast, List<Chart> charts) {

    @Schema(description = "A period starting on `start` (a week starts on Monday); previousYear is null before the data starts")
    public record Period(LocalDate start, Figures figures, Figures previousYear, Double revenueGrowth) {
    }

    @Schema(description = "Monthly revenue forecast from the whole months of the range, with a 95 % prediction interval")
    public record ForecastJson(String method, double alpha, double beta, double gamma, List<Point> months) {
    }

    public record Point(LocalDate start, BigDecimal revenue, BigDecimal lower, BigDecimal upper) {
    }

    static SalesTrendResponse from(Trend t, String currency) {
        List<Period> series = t.periods().stream().map(p -> new Period(p.start(), Figures.of(p.figures()),
                p.previousYear() == null ? null : Figures.of(p.previousYear()),
                growth(p.figures().revenueCents(), p.previousYear() == null ? null : p.previousYear().revenueCents())))
                .toList();
        ForecastJson forecast = t.forecast().map(f -> {
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < f.points().size(); i++) {
                Forecast.Point p = f.points().get(i);
                points.add(new Point(t.forecastPeriods().get(i), ViewJson.money(Math.max(0, p.value())),
                        ViewJson.money(Math.max(0, p.lower())), ViewJson.money(p.upper())));
            }
            return new ForecastJson(f.method(), f.alpha(), f.beta(), f.gamma(), points);
        }).orElse(null);
        boolean earlier = t.periods().stream().anyMatch(p -> p.previousYear() != null);
        return new SalesTrendResponse(ScopeJson.of(t.scope()), t.interval().name().toLowerCase(Locale.ROOT), currency,
                Figures.of(t.totals()), earlier ? Figures.of(t.previousYearTotals()) : null,
                earlier ? growth(t.totals().revenueCents(), t.previousYearTotals().revenueCents()) : null,
                series, forecast, Chart.all(t.charts()));
    }

    private static Double growth(long now, Long before) {
        return before == null || before == 0 ? null : ViewJson.ratio((double) (now - before) / before);
    }
}
