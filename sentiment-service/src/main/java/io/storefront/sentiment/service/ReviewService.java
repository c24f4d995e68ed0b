package io.storefront.sentiment.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.storefront.commons.problem.Problem;
import io.storefront.commons.problem.ProblemException;
import io.storefront.commons.problem.ProblemType;
import io.storefront.sentiment.config.SentimentConfig;
import io.storefront.sentiment.domain.Review;
import io.storefront.sentiment.domain.ReviewInput;
import io.storefront.sentiment.domain.ReviewRules;
import io.storefront.sentiment.repository.ReviewRepository;
import io.storefront.sentiment.rest.ReviewBatchResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
        scoring.checkTotal(batch.stream().filter(java.util.Objects::nonNull)
                .mapToLong(r -> (r.title() == null ? 0 : r.title().length()) + (r.text() == null ? 0 : r.text().length()))
                .sum(), "reviews");
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
            Problem.Violation problem = ReviewRules.problem(in, field, config.maxTextLength());
            if (problem != null) {
                rejected.add(problem);
                continue;
            }
            OffsetDateTime created = ReviewRules.createdAt(in, now);
            accepted.remove(in.reviewId().strip());
            accepted.put(in.reviewId().strip(), new Accepted(in, created));
        }
        if (accepted.isEmpty()) {
            throw new ProblemException(422, ProblemType.INVALID_ROWS, "No review in the batch could be stored", rejected, Map.of());
        }
        List<Accepted> rows = List.copyOf(accepted.values());
        return scoreAndStore(rows).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(stored -> new ReviewBatchResponse(batch.size(), stored.count(), stored.model(), rejected));
    }

    /** How many reviews a batch stored, scored by which model. */
    public record Stored(int count, String model) {
    }

    /** Scores valid reviews on the subscribing thread, then stores them in one transaction. */
    Uni<Stored> scoreAndStore(List<Accepted> rows) {
        return Uni.createFrom().item(() -> score(rows))
                .chain(scored -> reviews.upsert(scored.reviews, scored.model).map(n -> new Stored(n, scored.model)));
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A review that passed the rules, with its time resolved. */
    record Accepted(ReviewInput input, OffsetDateTime createdAt) {
    }
}
