package io.storefront.analytics.domain;

import java.time.YearMonth;

/** One month's sales. Money in cents. */
public record MonthlySales(YearMonth month, long revenueCents, long profitCents, long units, long orders) {

    /** Profit over revenue; 0 for a month without revenue. */
    public double margin() {
        return revenueCents == 0 ? 0 : (double) profitCents / revenueCents;
    }
}
