package io.storefront.sentiment.rest;

import io.storefront.sentiment.domain.Round;
import io.storefront.sentiment.repository.ReviewRepository.AspectFigures;
import io.storefront.sentiment.repository.ReviewRepository.MonthPoint;
import io.storefront.sentiment.repository.ReviewRepository.ProductSummary;
import io.storefront.sentiment.repository.ReviewRepository.StoredReview;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

/** The JSON of stored reviews and product summaries. */
public final class ReviewResponses {

    private ReviewResponses() {
    }

    public record ReviewJson(String reviewId, String productId, String customerId, Integer rating, String title,
                             String text, OffsetDateTime createdAt, double polarity, double subjectivity, String label,
                             double confidence, String language, boolean mismatch, String model) {
        static ReviewJson of(StoredReview r) {
            boolean mismatch = r.rating() != null && ((r.rating() >= 4 && r.label().equals("negative"))
                    || (r.rating() <= 2 && r.label().equals("positive")));
            return new ReviewJson(r.reviewId(), r.productId(), r.customerId(), r.rating(), r.title(), r.text(),
                    r.createdAt(), Round.four(r.polarity()), Round.four(r.subjectivity()), r.label(),
                    Round.four(r.confidence()),
                    r.english() ? "en" : "unknown", mismatch, r.modelVersion());
        }
    }

    /** A page of reviews in the order they were stored or last replaced; resume with {@code after=cursor}. */
    public record ReviewPage(String cursor, boolean hasMore, List<ReviewJson> reviews) {
        static ReviewPage of(long after, int limit, List<StoredReview> rows) {
            List<StoredReview> page = rows.size() > limit ? rows.subList(0, limit) : rows;
            String cursor = String.valueOf(page.isEmpty() ? after : page.getLast().seq());
            return new ReviewPage(cursor, rows.size() > limit, page.stream().map(ReviewJson::of).toList());
        }
    }

    /**
     * A product's review sentiment. Shares are of the reviews in English ({@code scored}); a mismatch
     * is a review whose stars and text disagree (4–5 stars with a negative text or 1–2 with a positive one).
     */
    public record SummaryJson(String productId, int reviews, int scored, Double meanPolarity, double positiveShare,
                              double neutralShare, double negativeShare, int rated, Double meanRating, int mismatches,
                              double mismatchShare, OffsetDateTime firstReview, OffsetDateTime lastReview,
                              String model, OffsetDateTime updatedAt, long changeSeq) {
        static SummaryJson of(ProductSummary s) {
            return new SummaryJson(s.productId(), s.reviews(), s.scored(), Round.four(s.meanPolarity()),
                    share(s.positive(), s.scored()), share(s.neutral(), s.scored()), share(s.negative(), s.scored()),
                    s.rated(), Round.four(s.meanRating()), s.mismatches(), share(s.mismatches(), s.rated()), s.firstReview(),
                    s.lastReview(), s.modelVersion(), s.updatedAt(), s.changeSeq());
        }
    }

    public record MonthJson(String month, int reviews, Double meanPolarity, Double meanRating) {
    }

    public record AspectJson(String aspect, int reviews, int mentions, double meanPolarity) {
    }

    /** The summary with its monthly trend and the aspects praised and criticised most (by reviews × polarity). */
    public record ProductSentimentJson(SummaryJson summary, List<MonthJson> monthly, List<AspectJson> mostPraised,
                                       List<AspectJson> mostCriticised) {
        static final int ASPECTS = 5;
        /**
         * An aspect whose reviews average within this of 0 (praised in some, criticised in others) is neither praised
         * nor criticised; the dashboard marks aspects from the same point.
         */
        static final double CLEAR = 0.05;

        static ProductSentimentJson of(ProductSummary s, List<MonthPoint> months, List<AspectFigures> aspects) {
            return new ProductSentimentJson(SummaryJson.of(s), months.stream().map(m -> new MonthJson(
                    m.month().toString().substring(0, 7), m.reviews(), Round.four(m.meanPolarity()), Round.four(m.meanRating())))
                    .toList(), ranked(aspects, 1), ranked(aspects, -1));
        }

        /** The aspects clearly on one side (1 praised, -1 criticised), the most reviewed and strongest first. */
        static List<AspectJson> ranked(List<AspectFigures> aspects, int side) {
            Comparator<AspectFigures> weight = Comparator.comparingDouble(a -> Math.abs(a.meanPolarity()) * a.reviews());
            return aspects.stream().filter(a -> side * a.meanPolarity() > CLEAR).sorted(weight.reversed())
                    .limit(ASPECTS).map(ProductSentimentJson::aspect).toList();
        }

        private static AspectJson aspect(AspectFigures a) {
            return new AspectJson(a.aspect(), a.reviews(), a.mentions(), Round.four(a.meanPolarity()));
        }
    }

    /** A page of the product summary change feed; resume with {@code after=cursor}. */
    public record SummaryChanges(String cursor, boolean hasMore, List<SummaryJson> products) {
        static SummaryChanges of(long after, int limit, List<ProductSummary> rows) {
            List<ProductSummary> page = rows.size() > limit ? rows.subList(0, limit) : rows;
            String cursor = String.valueOf(page.isEmpty() ? after : page.getLast().changeSeq());
            return new SummaryChanges(cursor, rows.size() > limit, page.stream().map(SummaryJson::of).toList());
        }
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : Math.round(10_000.0 * part / whole) / 10_000.0;
    }
}
