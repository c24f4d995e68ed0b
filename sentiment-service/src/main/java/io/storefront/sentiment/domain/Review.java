package io.storefront.sentiment.domain;

import java.time.OffsetDateTime;

/** A review as stored: what the customer wrote and what the scorer made of it. */
public record Review(String reviewId, String productId, String customerId, Integer rating, String title, String text,
                     OffsetDateTime createdAt, TextSentiment sentiment) {

    /** What is scored: the title, which often carries the verdict ("Great value"), then the text. */
    public static String scoredText(String title, String text) {
        if (title == null || title.isBlank()) return text;
        String t = title.strip();
        boolean ends = t.endsWith(".") || t.endsWith("!") || t.endsWith("?");
        return t + (ends ? " " : ". ") + text;
    }

    /** 4–5 stars with a negative text, or 1–2 stars with a positive one. */
    public boolean mismatch() {
        if (rating == null) return false;
        return (rating >= 4 && sentiment.label() == Label.NEGATIVE) || (rating <= 2 && sentiment.label() == Label.POSITIVE);
    }
}
