package io.storefront.analytics.rest;

import io.storefront.analytics.domain.SalesFigures;
import io.storefront.analytics.service.SalesService.SalesSummary;
import io.storefront.analytics.rest.ViewJson.Chart;
import io.storefront.analytics.rest.ViewJson.ScopeJson;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/v1/sales/summary}: monthly trend and payment-mode share, with charts. */
public record SalesSummaryResponse(Range range, ScopeJson scope, String currency, Totals totals, List<Month> monthly,
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

    static SalesSummaryResponse from(SalesSummary s, String currency) {
        SalesFigures t = s.totals();
        long modeRevenue = s.paymentModes().stream().mapToLong(p -> p.figures().revenueCents()).sum();
        long modeOrders = s.paymentModes().stream().mapToLong(p -> p.figures().orders()).sum();
        return new SalesSummaryResponse(
                s.scope().range().map(r -> new Range(r.from(), r.to())).orElse(null),
                ScopeJson.of(s.scope()),
                currency,
                new Totals(ViewJson.money(t.revenueCents()), ViewJson.money(t.profitCents()), ViewJson.ratio(t.margin()),
                        t.units(), t.orders()),
                s.monthly().stream().map(m -> new Month(m.start().toString().substring(0, 7),
                        ViewJson.money(m.figures().revenueCents()), ViewJson.money(m.figures().profitCents()),
                        ViewJson.ratio(m.figures().margin()), m.figures().units(), m.figures().orders())).toList(),
                s.paymentModes().stream().map(p -> new PaymentMode(p.key(), ViewJson.money(p.figures().revenueCents()),
                        ViewJson.share(p.figures().revenueCents(), modeRevenue), p.figures().orders(),
                        ViewJson.share(p.figures().orders(), modeOrders))).toList(),
                Chart.all(s.charts()));
    }
}
