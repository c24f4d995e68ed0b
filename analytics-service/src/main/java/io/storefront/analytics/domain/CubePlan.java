package io.storefront.analytics.domain;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Which rows of the sales cube answer a query (V5__sales_cube.sql describes the cube).
 *
 * <p>Whole months are read from month rows and the days before the first and after the last whole
 * month from day rows, so a two-year range reads 24 month rows per cell however many orders it holds.
 * Day rows carry no place except for whole orders: a query that combines a place with a line
 * dimension (category, sub-category, payment mode) is answered from month rows alone, its range
 * widened to whole months, and says so ({@link #widened()}).
 */
public record CubePlan(int dims, DateRange range, boolean widened, List<Segment> segments) {

    /** Bits of the cube's {@code dims} column; a sub-category names its category too. */
    public static final int CATEGORY = 1;
    public static final int SUB_CATEGORY = 2 | CATEGORY;
    public static final int PAYMENT_MODE = 4;

    public enum Grain {
        DAY("d"), MONTH("m");

        private final String code;

        Grain(String code) {
            this.code = code;
        }

        /** The value of the cube's {@code grain} column. */
        public String code() {
            return code;
        }
    }

    /** Rows of one grain whose period lies in [from, to]; month rows are keyed by their first day. */
    public record Segment(Grain grain, LocalDate from, LocalDate to) {
    }

    /** A query the cube cannot answer at the precision asked; the message says what to ask instead. */
    public static final class Unanswerable extends RuntimeException {
        public Unanswerable(String message) {
            super(message);
        }
    }

    public static CubePlan of(DateRange requested, SalesFilter filter, Breakdown by) {
        int dims = filter.lineDimensions() | by.lineDimensions();
        boolean placed = filter.state() != null || by.geographic();
        boolean daysKept = !placed || dims == 0;
        LocalDate from = requested.from(), to = requested.to();
        if (by.needsDays()) {
            if (!daysKept) {
                throw new Unanswerable("daily and weekly sales per state or city are kept for whole orders only; "
                        + "drop the category, sub-category and payment-mode filters or ask for monthly figures");
            }
            return new CubePlan(dims, requested, false, List.of(new Segment(Grain.DAY, from, to)));
        }
        LocalDate firstWholeMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate lastWholeMonthEnd = to.equals(to.with(TemporalAdjusters.lastDayOfMonth())) ? to
                : to.withDayOfMonth(1).minusDays(1);
        boolean partial = !from.equals(firstWholeMonth) || !to.equals(lastWholeMonthEnd);
        if (partial && !daysKept) {
            LocalDate start = from.withDayOfMonth(1), end = to.with(TemporalAdjusters.lastDayOfMonth());
            return new CubePlan(dims, new DateRange(start, end), true,
                    List.of(new Segment(Grain.MONTH, start, end.withDayOfMonth(1))));
        }
        if (firstWholeMonth.isAfter(lastWholeMonthEnd)) {
            return new CubePlan(dims, requested, false, List.of(new Segment(Grain.DAY, from, to)));
        }
        List<Segment> segments = new ArrayList<>(3);
        if (from.isBefore(firstWholeMonth)) {
            segments.add(new Segment(Grain.DAY, from, firstWholeMonth.minusDays(1)));
        }
        segments.add(new Segment(Grain.MONTH, firstWholeMonth, lastWholeMonthEnd.withDayOfMonth(1)));
        if (to.isAfter(lastWholeMonthEnd)) {
            segments.add(new Segment(Grain.DAY, lastWholeMonthEnd.plusDays(1), to));
        }
        return new CubePlan(dims, requested, false, List.copyOf(segments));
    }
}
