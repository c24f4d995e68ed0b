package io.storefront.analytics.domain;

import java.time.LocalDate;

/** One validated order line with its order's attributes, ready to store. Money in cents. */
public record OrderLine(String orderId, LocalDate orderDate, String customerKey, String customerName,
                        String state, String city, String productId, String productName, String category,
                        String subCategory, int quantity, long amountCents, long profitCents, String paymentMode) {
}
