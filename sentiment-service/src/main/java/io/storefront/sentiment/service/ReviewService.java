package io.storefront.sentiment.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.storefront.commons.problem.Problem;
import io.storefront.commons.problem.ProblemException;
import io.storefront.commons.problem.ProblemType;
import io.storefront.sentiment.config.SentimentConfig;
import io.storefront.sentiment.domain.Review;
import io.storefront.sentiment.domain.TextCheck;
import io.storefront.sentiment.repository.ReviewRepository;
import io.storefront.sentiment.rest.ReviewBatchResponse;
import io.storefront.sentiment.rest.ReviewInput;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores batches of reviews scored at ingest. Bad rows are rejected one by one with their index and
 * reason while the good ones are stored; a batch with no good row is a 422 and stores nothing.
 */
@ApplicationScoped
public class ReviewService {

    static final int MAX_ID_LENGTH = 200;

    private final ScoringService scoring;
    private final ReviewRepository reviews;
    private final SentimentConfig config;

    public ReviewService(ScoringService scoring, ReviewRepository reviews, SentimentConfig config) {
        this.scoring = scoring;
        this.reviews = reviews;
        this.config = config;
    }

    public Uni<ReviewBatchResponse> store(List<ReviewInput> batch) {
        if (batch == null || batch.isEmpty() || batch.size() > config.maxReviewBatch()) {
            throw ProblemException.invalid("reviews", "between 1 and " + config.maxReviewBatch() + " reviews a batch, got "
                    + (batch == null ? 0 : batch.size()));
        }
        List<Problem.Violation> rejected = new ArrayList<>();
        // the last copy of a review sent twice in one batch wins, as it would across batches
        Map<String, Accepted> accepted = new LinkedHashMap<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < batch.size(); i++) {
            ReviewInput in = batch.get(i);
            String field = "reviews[" + i + "]";
            if (in == null) {
                rejected.add(Problem.Violation.of(field, "is null, not a review"));
                continue;
            }
            Problem.Violation problem = problem(in, field);
            if (problem != null) {
                rejected.add(problem);
                continue;
            }
            OffsetDateTime created = in.createdAt() == null || in.createdAt().isBlank() ? now : parseTime(in.createdAt());
            accepted.remove(in.reviewId().strip());
            accepted.put(in.reviewId().strip(), new Accepted(in, created));
        }
        if (accepted.isEmpty()) {
            throw new ProblemException(422, ProblemType.INVALID_ROWS, "No review in the batch could be stored", rejected, Map.of());
        }
        List<Accepted> rows = List.copyOf(accepted.values());
        return Uni.createFrom().item(() -> score(rows))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(scored -> reviews.upsert(scored.reviews, scored.model)
                        .map(stored -> new ReviewBatchResponse(batch.size(), stored, scored.model, rejected)));
    }

    private ScoredBatch score(List<Accepted> rows) {
        ScoringService.Scores scores = scoring.scoreNow(rows.stream()
                .map(a -> Review.scoredText(a.input.title(), a.input.text())).toList());
        List<Review> scored = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ReviewInput in = rows.get(i).input;
            scored.add(new Review(in.reviewId().strip(), in.productId().strip(), blankToNull(in.customerId()),
                    in.rating(), in.title() == null ? "" : in.title(), in.text(), rows.get(i).createdAt,
                    scores.results().get(i)));
        }
        return new ScoredBatch(scores.model(), scored);
    }

    private record ScoredBatch(String model, List<Review> reviews) {
    }

    /** The first thing wrong with a review, or null. */
    private Problem.Violation problem(ReviewInput in, String at) {
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
        if (in.rating() != null && (in.rating() < 1 || in.rating() > 5)) {
            return Problem.Violation.of(at + ".rating", "must be 1 to 5, got " + in.rating());
        }
        if (in.text() == null) {
            return Problem.Violation.of(at + ".text", "is required (it may be empty when the title says it all)");
        }
        String scored = Review.scoredText(in.title(), in.text());
        if (scored.length() > config.maxTextLength()) {
            return Problem.Violation.of(at + ".text",
                    scored.length() + " characters with the title, at most " + config.maxTextLength());
        }
        String notText = TextCheck.problem(scored);
        if (notText != null) return Problem.Violation.of(at + ".text", notText);
        if (in.createdAt() != null && !in.createdAt().isBlank() && parseTime(in.createdAt()) == null) {
            return Problem.Violation.of(at + ".createdAt",
                    "'" + in.createdAt() + "' is not an ISO instant (2026-11-02T10:15:00Z) or date (2026-11-02)");
        }
        return null;
    }

    private static OffsetDateTime parseTime(String value) {
        String v = value.strip();
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay().atOffset(ZoneOffset.UTC) : OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private record Accepted(ReviewInput input, OffsetDateTime createdAt) {
    }
}
