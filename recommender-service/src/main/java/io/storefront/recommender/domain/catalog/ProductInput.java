package io.storefront.recommender.domain.catalog;

import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A catalog entry as sent in a JSON batch or read from a CSV row; a product sent again by id replaces the stored one. */
@Schema(example = "{\"productId\": \"P-17\", \"name\": \"Linen Shirt\", \"description\": \"Breathable linen, a tailored fit.\", "
        + "\"category\": \"Clothing\", \"subCategory\": \"Shirt\", \"price\": 1299.00, \"inStock\": true, "
        + "\"attributes\": {\"brand\": \"Weave & Co\", \"colour\": \"white\"}}")
public record ProductInput(String productId, String name, String description, String category, String subCategory,
                           BigDecimal price, @Schema(description = "absent = true") Boolean inStock,
                           @Schema(description = "free-form string attributes (brand, colour, size ...)") Map<String, String> attributes) {
}
