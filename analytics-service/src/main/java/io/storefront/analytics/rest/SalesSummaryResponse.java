package io.storefront.analytics.rest;

import io.storefront.analytics.chart.RenderedChart;
import io.storefront.analytics.domain.MonthlySales;
import io.storefront.analytics.domain.PaymentModeSales;
import io.storefront.analytics.domain.SalesMath;
import io.storefront.analytics.service.SalesService.SalesSummary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

/** {@code GET /api/v1/sales/summary}: monthly trend and payment-mode share, with charts. */
public record SalesSummaryResponse(Range range, String currency, Totals totals, List<Month> monthly,
                                   List<PaymentMode> paymentModes, List<Chart> charts) {

    public record Range(LocalDate from, LocalDate to) {
    }

    public record Totals(BigDecimal revenue, BigDecimal profit, double margin, long units, long orders) {
    }

    public record Month(String month, BigDecimal revenue, BigDecimal profit, double margin, long units, long orders) {
    }

    /** {@code orders} counts orders that used the mode; an order paid two ways counts in both. */
    public record PaymentMode(String mode, BigDecimal revenue, double revenueShare, long orders, double orderShare) {
    }

    /** A chart as base64 with its media type, title and alt text, ready for {@code <img src="data:...">}. */
    public record Chart(String name, String title, String alt, String mediaType, String data) {
        static Chart of(RenderedChart c) {
            return new Chart(c.name(), c.title(), c.alt(), c.mediaType(), Base64.getEncoder().encodeToString(c.bytes()));
        }
    }

    static SalesSummaryResponse from(SalesSummary s, String currency) {
        MonthlySales t = s.totals();
        long modeRevenue = s.paymentModes().stream().mapToLong(PaymentModeSales::revenueCents).sum();
        long modeOrders = s.paymentModes().stream().mapToLong(PaymentModeSales::orders).sum();
        return new SalesSummaryResponse(
                s.range().map(r -> new Range(r.from(), r.to())).orElse(null),
                currency,
                new Totals(money(t.revenueCents()), money(t.profitCents()), round(t.margin()), t.units(), t.orders()),
                s.monthly().stream().map(m -> new Month(m.month().toString(), money(m.revenueCents()),
                        money(m.profitCents()), round(m.margin()), m.units(), m.orders())).toList(),
                s.paymentModes().stream().map(p -> new PaymentMode(p.mode(), money(p.revenueCents()),
                        SalesMath.share(p.revenueCents(), modeRevenue), p.orders(),
                        SalesMath.share(p.orders(), modeOrders))).toList(),
                s.charts().stream().map(Chart::of).toList());
    }

    static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private static double round(double ratio) {
        return Math.round(ratio * 10_000) / 10_000.0;
    }
}
