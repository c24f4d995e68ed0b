package io.storefront.analytics.domain;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Pure computations over rollup rows. */
public final class SalesMath {

    private SalesMath() {
    }

    /** Every month of the range in order, months without sales as zeros, so trends have no gaps. */
    public static List<MonthlySales> fillMonths(DateRange range, List<MonthlySales> months) {
        Map<YearMonth, MonthlySales> byMonth = new HashMap<>();
        months.forEach(m -> byMonth.put(m.month(), m));
        List<MonthlySales> filled = new ArrayList<>();
        for (YearMonth m = YearMonth.from(range.from()); !m.isAfter(YearMonth.from(range.to())); m = m.plusMonths(1)) {
            filled.add(byMonth.getOrDefault(m, MonthlySales.empty(m)));
        }
        return filled;
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

    /** part / whole, 0 when the whole is 0; rounded to 4 decimals for stable JSON. */
    public static double share(long part, long whole) {
        return whole == 0 ? 0 : Math.round(10_000.0 * part / whole) / 10_000.0;
    }
}
