package io.storefront.analytics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storefront.analytics.domain.ProductMonths.Metric;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductMonthsTest {

    private static final LocalDate JAN = LocalDate.of(2024, 1, 1), FEB = JAN.plusMonths(1), MAR = JAN.plusMonths(2);

    private static ProductMonths months() {
        return new ProductMonths.Builder()
                .add(JAN, "A", "Apple", "Fruit", "Pome", 1, 1_000, 100, 5, 1)
                .add(FEB, "A", "Apple", "Fruit", "Pome", 1, 1_000, 100, 5, 1)
                .add(JAN, "B", "Banana", "Fruit", "Tropical", 2, 1_500, -50, 30, 2)
                .add(MAR, "B", "Banana", "Fruit", "Tropical", 9, 9_000, 900, 90, 9)
                .add(FEB, "C", "Chair", "Furniture", "Seats", 1, 2_000, 600, 1, 1)
                .add(FEB, "D", "Desk", "Furniture", "Tables", 1, 2_000, 10, 1, 1)
                .build();
    }

    private static List<String> keys(List<ProductMonths.Ranked> ranked) {
        return ranked.stream().map(r -> r.product().key()).toList();
    }

    @Test
    void ranksTheMonthsAskedFor() {
        ProductMonths m = months();
        assertEquals(6, m.size());
        List<ProductMonths.Ranked> janFeb = m.top(YearMonth.of(2024, 1), YearMonth.of(2024, 2), null, null, Metric.REVENUE, 10);
        assertEquals(List.of("A", "C", "D", "B"), keys(janFeb), "A 2,000 ties C and D; ties go by key; March is out");
        assertEquals(2_000, janFeb.getFirst().figures().revenueCents());
        assertEquals(2, janFeb.getFirst().figures().orders());
        assertEquals(List.of("B", "A"), keys(m.top(YearMonth.of(2024, 1), YearMonth.of(2024, 3), null, null, Metric.UNITS, 2)));
        assertEquals(List.of("C"), keys(m.top(YearMonth.of(2024, 1), YearMonth.of(2024, 3), "Furniture", "Seats", Metric.PROFIT, 5)));
        assertEquals(List.of("A", "B"), keys(m.top(YearMonth.of(2024, 1), YearMonth.of(2024, 1), "Fruit", null, Metric.REVENUE, 5))
                .reversed().reversed().stream().sorted().toList());
        assertEquals(List.of(), m.top(YearMonth.of(2025, 1), YearMonth.of(2025, 12), null, null, Metric.REVENUE, 5));
    }

    @Test
    void lossesRankLast() {
        List<ProductMonths.Ranked> byProfit = months().top(YearMonth.of(2024, 1), YearMonth.of(2024, 1), null, null,
                Metric.PROFIT, 5);
        assertEquals(List.of("A", "B"), keys(byProfit));
        assertEquals(-50, byProfit.getLast().figures().profitCents());
    }
}
