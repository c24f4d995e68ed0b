package io.storefront.analytics.domain.customer;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Monthly cohort retention: of the customers whose first order fell in a month, who ordered k months later. */
public final class Cohorts {

    /** Customers of {@code cohort} (first-order month) who ordered in {@code month}, and what they spent then. */
    public record Cell(LocalDate cohort, LocalDate month, long customers, long revenueCents) {
    }

    /**
     * {@code active[r][k]}: customers of cohort r ordering k months after their first month; null where
     * that month is after {@code lastMonth}. Retention is active / size.
     */
    public record Matrix(List<LocalDate> cohorts, long[] sizes, Long[][] active, Double[][] retentionPercent) {
    }

    private Cohorts() {
    }

    /** The last {@code maxCohorts} cohorts up to {@code lastMonth}, each with at most that many months. */
    public static Matrix of(List<Cell> cells, LocalDate lastMonth, int maxCohorts) {
        TreeMap<LocalDate, Map<Long, Long>> byCohort = new TreeMap<>();
        for (Cell c : cells) {
            long offset = ChronoUnit.MONTHS.between(c.cohort(), c.month());
            if (offset < 0) continue;
            byCohort.computeIfAbsent(c.cohort(), k -> new TreeMap<>()).merge(offset, c.customers(), Long::sum);
        }
        List<LocalDate> cohorts = new ArrayList<>(byCohort.descendingKeySet()).subList(0, Math.min(maxCohorts, byCohort.size()))
                .reversed();
        int rows = cohorts.size();
        int columns = rows == 0 ? 0 : (int) Math.min(maxCohorts, ChronoUnit.MONTHS.between(cohorts.getFirst(), lastMonth) + 1);
        long[] sizes = new long[rows];
        Long[][] active = new Long[rows][columns];
        Double[][] percent = new Double[rows][columns];
        for (int r = 0; r < rows; r++) {
            Map<Long, Long> row = byCohort.get(cohorts.get(r));
            sizes[r] = row.getOrDefault(0L, 0L);
            long available = ChronoUnit.MONTHS.between(cohorts.get(r), lastMonth);
            for (int k = 0; k < columns && k <= available; k++) {
                active[r][k] = row.getOrDefault((long) k, 0L);
                percent[r][k] = sizes[r] == 0 ? 0.0 : Math.round(1000.0 * active[r][k] / sizes[r]) / 10.0;
            }
        }
        return new Matrix(List.copyOf(cohorts), sizes, active, percent);
    }
}
