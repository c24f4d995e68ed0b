package io.storefront.sentiment.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A review to store; {@code reviewId} makes a re-sent review replace the stored one. */
@Schema(example = "{\"reviewId\": \"R-1001\", \"productId\": \"P-17\", \"customerId\": \"C-42\", \"rating\": 2, "
        + "\"title\": \"Disappointed\", \"text\": \"The strap broke after a week.\", \"createdAt\": \"2026-11-02T10:15:00Z\"}")
public record ReviewInput(String reviewId, String productId, String customerId, Integer rating, String title, String text,
                          @Schema(description = "ISO instant or date (midnight UTC); absent = now") String createdAt) {
}
