package io.storefront.analytics.domain;

/** Sales paid with one payment mode. {@code orders} counts orders that used the mode. Money in cents. */
public record PaymentModeSales(String mode, long revenueCents, long orders) {
}
