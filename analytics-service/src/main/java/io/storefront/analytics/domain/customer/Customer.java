package io.storefront.analytics.domain.customer;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** One customer as the orders show them. Money in cents. */
public record Customer(String key, String name, String state, String city, LocalDate firstDay, LocalDate lastDay,
                       long orders, long revenueCents, long profitCents) {

    /** Days from the last order to {@code asOf}. */
    public long recencyDays(LocalDate asOf) {
        return Math.max(0, ChronoUnit.DAYS.between(lastDay, asOf));
    }

    /** Mean days between consecutive orders; NaN with a single order. */
    public double meanDaysBetweenOrders() {
        return orders < 2 ? Double.NaN : (double) ChronoUnit.DAYS.between(firstDay, lastDay) / (orders - 1);
    }
}
