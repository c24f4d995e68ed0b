package io.storefront.analytics.domain;

/** Additive sales measures of any cell or sum of cells. Money in cents. */
public record SalesFigures(long orders, long revenueCents, long profitCents, long units, long lines) {

    public static final SalesFigures ZERO = new SalesFigures(0, 0, 0, 0, 0);

    public SalesFigures plus(SalesFigures o) {
        return new SalesFigures(orders + o.orders, revenueCents + o.revenueCents, profitCents + o.profitCents,
                units + o.units, lines + o.lines);
    }

    /** Profit over revenue; 0 without revenue. */
    public double margin() {
        return revenueCents == 0 ? 0 : (double) profitCents / revenueCents;
    }

    /** Average order value in cents; 0 without orders. */
    public double averageOrderCents() {
        return orders == 0 ? 0 : (double) revenueCents / orders;
    }
}
