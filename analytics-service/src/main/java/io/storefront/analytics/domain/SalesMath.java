package io.storefront.analytics.domain;

import java.util.List;

/** Pure computations over rollup rows. */
public final class SalesMath {

    private SalesMath() {
    }

    public static MonthlySales total(List<MonthlySales> months) {
        long revenue = 0, profit = 0, units = 0, orders = 0;
        for (MonthlySales m : months) {
            revenue += m.revenueCents();
            profit += m.profitCents();
            units += m.units();
            orders += m.orders();
        }
        return new MonthlySales(null, revenue, profit, units, orders);
    }
}
