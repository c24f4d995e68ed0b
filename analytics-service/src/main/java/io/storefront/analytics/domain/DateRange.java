package io.storefront.analytics.domain;

import java.time.LocalDate;

/** An inclusive range of days, as every view's {@code from} and {@code to} parameters give it. */
public record DateRange(LocalDate from, LocalDate to) {

    public DateRange {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from (" + from + ") is after to (" + to + ")");
        }
    }
}
