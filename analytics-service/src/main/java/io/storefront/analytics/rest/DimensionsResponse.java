package io.storefront.analytics.rest;

import io.storefront.analytics.domain.Dimensions;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/v1/sales/dimensions}: what the filters accept. */
public record DimensionsResponse(LocalDate from, LocalDate to, List<Category> categories, List<State> states,
                                 List<String> paymentModes) {

    public record Category(String name, List<String> subCategories) {
    }

    public record State(String name, List<String> cities) {
    }

    static DimensionsResponse from(Dimensions d) {
        return new DimensionsResponse(d.range().map(r -> r.from()).orElse(null), d.range().map(r -> r.to()).orElse(null),
                d.subCategoriesByCategory().entrySet().stream().map(e -> new Category(e.getKey(), e.getValue())).toList(),
                d.citiesByState().entrySet().stream().map(e -> new State(e.getKey(), e.getValue())).toList(),
                d.paymentModes());
    }
}
