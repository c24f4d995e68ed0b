package io.storefront.analytics.rest;

import io.storefront.analytics.domain.SalesFilter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** The filters every sales view accepts; values must occur in the data (see /api/v1/sales/dimensions). */
public class FilterParams {

    @Parameter(description = "Only lines of this category")
    @RestQuery
    String category;

    @Parameter(description = "Only lines of this sub-category")
    @RestQuery
    String subCategory;

    @Parameter(description = "Only orders from this state")
    @RestQuery
    String state;

    @Parameter(description = "Only lines paid this way")
    @RestQuery
    String paymentMode;

    SalesFilter filter() {
        return new SalesFilter(category, subCategory, state, paymentMode);
    }
}
