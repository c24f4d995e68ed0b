package io.storefront.analytics.rest;

import io.storefront.analytics.chart.RenderedChart;
import io.storefront.analytics.domain.SalesFigures;
import io.storefront.analytics.domain.SalesFilter;
import io.storefront.analytics.service.SalesService.Scope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** JSON parts every analytics view shares: the scope it answers, figures, charts. Money in major units. */
public final class ViewJson {

    private ViewJson() {
    }

    @Schema(description = "The range and filters the numbers cover. widenedToMonths: a state filter or breakdown combined "
            + "with a category, sub-category or payment-mode filter is answered for whole months, and from/to say which.")
    public record ScopeJson(LocalDate from, LocalDate to, boolean widenedToMonths, String category, String subCategory,
                            String state, String paymentMode) {
        static ScopeJson of(Scope scope) {
            SalesFilter f = scope.filter();
            return new ScopeJson(scope.range().map(r -> r.from()).orElse(null), scope.range().map(r -> r.to()).orElse(null),
                    scope.widened(), f.category(), f.subCategory(), f.state(), f.paymentMode());
        }
    }

    @Schema(description = "Sales figures; margin = profit / revenue, averageOrderValue = revenue / orders. An order "
            + "counts once in every group it has a line in (an order paid two ways counts under both modes).")
    public record Figures(BigDecimal revenue, BigDecimal profit, double margin, long units, long orders,
                          BigDecimal averageOrderValue) {
        static Figures of(SalesFigures f) {
            return new Figures(money(f.revenueCents()), money(f.profitCents()), ratio(f.margin()), f.units(), f.orders(),
                    BigDecimal.valueOf(f.averageOrderCents() / 100.0).setScale(2, RoundingMode.HALF_EVEN));
        }
    }

    /** A chart as base64 with its media type, title and alt text, ready for {@code <img src="data:...">}. */
    public record Chart(String name, String title, String alt, String mediaType, String data) {
        static Chart of(RenderedChart c) {
            return new Chart(c.name(), c.title(), c.alt(), c.mediaType(), Base64.getEncoder().encodeToString(c.bytes()));
        }

        static List<Chart> all(List<RenderedChart> charts) {
            return charts.stream().map(Chart::of).toList();
        }
    }

    static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    static BigDecimal money(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** A ratio rounded to 4 decimals for stable JSON; 0 when the whole is 0. */
    static double ratio(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    static double share(long part, long whole) {
        return whole == 0 ? 0 : ratio((double) part / whole);
    }
}
