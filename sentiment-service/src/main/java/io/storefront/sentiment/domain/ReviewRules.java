package io.storefront.sentiment.domain;

import io.storefront.commons.problem.Problem;
import io.storefront.commons.problem.StoredText;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** What a review must be to be stored, the same for JSON batches and CSV imports. */
public final class ReviewRules {

    static final int MAX_ID_LENGTH = 200;

    private ReviewRules() {
    }

    /** The first thing wrong with a review, or null. */
    public static Problem.Violation problem(ReviewInput in, String at, int maxTextLength) {
        if (in.reviewId() == null || in.reviewId().isBlank()) {
            return Problem.Violation.of(at + ".reviewId", "is required");
        }
        if (in.reviewId().length() > MAX_ID_LENGTH) {
            return Problem.Violation.of(at + ".reviewId", "at most " + MAX_ID_LENGTH + " characters");
        }
        if (in.productId() == null || in.productId().isBlank()) {
            return Problem.Violation.of(at + ".productId", "is required");
        }
        if (in.productId().length() > MAX_ID_LENGTH) {
            return Problem.Violation.of(at + ".productId", "at most " + MAX_ID_LENGTH + " characters");
        }
        if (in.customerId() != null && in.customerId().length() > MAX_ID_LENGTH) {
            return Problem.Violation.of(at + ".customerId", "at most " + MAX_ID_LENGTH + " characters");
        }
        Problem.Violation unstorable = StoredText.violation(at + ".reviewId", in.reviewId());
        if (unstorable == null) unstorable = StoredText.violation(at + ".productId", in.productId());
        if (unstorable == null) unstorable = StoredText.violation(at + ".customerId", in.customerId());
        if (unstorable != null) return unstorable;
        if (in.rating() != null && (in.rating() < 1 || in.rating() > 5)) {
            return Problem.Violation.of(at + ".rating", "must be 1 to 5, got " + in.rating());
        }
        if (in.text() == null) {
            return Problem.Violation.of(at + ".text", "is required (it may be empty when the title says it all)");
        }
        String scored = Review.scoredText(in.title(), in.text());
        if (scored.length() > maxTextLength) {
            return Problem.Violation.of(at + ".text",
                    scored.length() + " characters with the title, at most " + maxTextLength);
        }
        String notText = TextCheck.problem(scored);
        if (notText == null) notText = StoredText.problem(scored);
        if (notText != null) return Problem.Violation.of(at + ".text", notText);
        if (in.createdAt() != null && !in.createdAt().isBlank() && parseTime(in.createdAt()) == null) {
            return Problem.Violation.of(at + ".createdAt",
                    "'" + in.createdAt() + "' is not an ISO instant (2026-11-02T10:15:00Z) or date (2026-11-02)");
        }
        return null;
    }

    /** The review's time: its {@code createdAt} (an ISO instant, or a date at midnight UTC), else {@code now}. */
    public static OffsetDateTime createdAt(ReviewInput in, OffsetDateTime now) {
        return in.createdAt() == null || in.createdAt().isBlank() ? now : parseTime(in.createdAt());
    }

    static OffsetDateTime parseTime(String value) {
        String v = value.strip();
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay().atOffset(ZoneOffset.UTC) : OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
