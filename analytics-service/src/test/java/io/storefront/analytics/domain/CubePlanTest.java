package io.storefront.analytics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storefront.analytics.domain.CubePlan.Grain;
import io.storefront.analytics.domain.CubePlan.Segment;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CubePlanTest {

    private static DateRange range(String from, String to) {
        return new DateRange(LocalDate.parse(from), LocalDate.parse(to));
    }

    private static Segment seg(Grain grain, String from, String to) {
        return new Segment(grain, LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void wholeMonthsComeFromMonthRowsAndTheEdgesFromDayRows() {
        CubePlan plan = CubePlan.of(range("2024-01-15", "2024-06-10"), SalesFilter.NONE, Breakdown.TOTAL);
        assertEquals(List.of(seg(Grain.DAY, "2024-01-15", "2024-01-31"), seg(Grain.MONTH, "2024-02-01", "2024-05-01"),
                seg(Grain.DAY, "2024-06-01", "2024-06-10")), plan.segments());
        assertFalse(plan.widened());
        assertEquals(0, plan.dims());
    }

    @Test
    void alignedRangesReadMonthRowsOnly() {
        CubePlan plan = CubePlan.of(range("2024-01-01", "2024-12-31"), SalesFilter.NONE, Breakdown.MONTH);
        assertEquals(List.of(seg(Grain.MONTH, "2024-01-01", "2024-12-01")), plan.segments());
        // February of a leap year ends on the 29th
        assertEquals(List.of(seg(Grain.MONTH, "2024-02-01", "2024-02-01")),
                CubePlan.of(range("2024-02-01", "2024-02-29"), SalesFilter.NONE, Breakdown.TOTAL).segments());
    }

    @Test
    void aRangeWithoutAWholeMonthReadsDays() {
        assertEquals(List.of(seg(Grain.DAY, "2024-01-20", "2024-02-10")),
                CubePlan.of(range("2024-01-20", "2024-02-10"), SalesFilter.NONE, Breakdown.TOTAL).segments());
    }

    @Test
    void dimensionsComeFromFiltersAndBreakdown() {
        SalesFilter electronicsByUpi = new SalesFilter("Electronics", null, null, "UPI");
        assertEquals(CubePlan.CATEGORY | CubePlan.PAYMENT_MODE,
                CubePlan.of(range("2024-01-01", "2024-01-31"), electronicsByUpi, Breakdown.TOTAL).dims());
        assertEquals(CubePlan.SUB_CATEGORY,
                CubePlan.of(range("2024-01-01", "2024-01-31"), new SalesFilter("Electronics", null, null, null),
                        Breakdown.SUB_CATEGORY).dims());
        assertEquals(0, CubePlan.of(range("2024-01-01", "2024-01-31"), new SalesFilter(null, null, "Goa", null),
                Breakdown.CITY).dims());
    }

    @Test
    void aPlaceWithALineDimensionWidensToWholeMonths() {
        CubePlan plan = CubePlan.of(range("2024-01-15", "2024-03-10"), new SalesFilter(null, null, "Goa", null),
                Breakdown.CATEGORY);
        assertTrue(plan.widened());
        assertEquals(range("2024-01-01", "2024-03-31"), plan.range());
        assertEquals(List.of(seg(Grain.MONTH, "2024-01-01", "2024-03-01")), plan.segments());
        // whole months need no widening
        assertFalse(CubePlan.of(range("2024-01-01", "2024-03-31"), new SalesFilter(null, null, "Goa", null),
                Breakdown.CATEGORY).widened());
        // a place alone keeps day precision: whole orders are kept per day and city
        assertFalse(CubePlan.of(range("2024-01-15", "2024-03-10"), new SalesFilter(null, null, "Goa", null),
                Breakdown.CITY).widened());
    }

    @Test
    void dailySeriesReadDayRowsAndRefusePlacesWithLineDimensions() {
        assertEquals(List.of(seg(Grain.DAY, "2024-01-01", "2024-03-31")),
                CubePlan.of(range("2024-01-01", "2024-03-31"), SalesFilter.NONE, Breakdown.WEEK).segments());
        assertThrows(CubePlan.Unanswerable.class, () -> CubePlan.of(range("2024-01-01", "2024-03-31"),
                new SalesFilter("Electronics", null, "Goa", null), Breakdown.DAY));
    }
}
