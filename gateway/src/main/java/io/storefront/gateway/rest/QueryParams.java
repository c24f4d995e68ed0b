package io.storefront.gateway.rest;

import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;

final class QueryParams {

    private QueryParams() {
    }

    /** The caller's query parameters, first value of each, passed on as they came. */
    static Map<String, String> of(UriInfo uri) {
        Map<String, String> query = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> query.put(name, values.getFirst()));
        return query;
    }
}
