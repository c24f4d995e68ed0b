package io.storefront.recommender.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.storefront.recommender.domain.model.Recommender;
import java.time.OffsetDateTime;
import java.util.List;

/** Recommendation answers as clients see them. */
public final class RecommendationJson {

    private RecommendationJson() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String productId, String name, String category, String subCategory, double price, boolean inStock,
                       double score, List<String> reasons) {
        static List<Item> of(List<Recommender.Recommendation> list, boolean explain) {
            return list.stream().map(r -> new Item(r.item().id(), r.item().name(), r.item().category(),
                    r.item().subCategory(), r.item().price(), r.item().inStock(), r.score(),
                    explain ? r.reasons() : null)).toList();
        }
    }

    /**
     * For a user. {@code basis}: "history" (what they bought or did), "preferences" (no history yet, their
     * stated preferences), "popularity" (neither: what sells now). {@code knownUser} is false for the last.
     */
    public record ForUser(String userId, boolean knownUser, String basis, OffsetDateTime modelBuiltAt, List<Item> items) {
    }

    public record Similar(String productId, OffsetDateTime modelBuiltAt, List<Item> items) {
    }

    /** {@code unknownItems}: basket ids the model has never seen (they cannot suggest anything). */
    public record BoughtTogether(List<String> basket, List<String> unknownItems, OffsetDateTime modelBuiltAt, List<Item> items) {
    }

    public record Popular(String category, OffsetDateTime modelBuiltAt, List<Item> items) {
    }
}
