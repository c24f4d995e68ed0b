package io.storefront.commons.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a request whose path or query parameters hold a NUL character (sent as {@code %00}) with a 400 problem,
 * before a resource looks the value up: PostgreSQL cannot take it as a parameter and would fail the query.
 */
public class NulCharacterFilter {

    @ServerRequestFilter
    public Response refuseNulCharacters(UriInfo uri) {
        String rawQuery = uri.getRequestUri().getRawQuery();
        // a NUL can only come percent-encoded: most requests are let through without decoding their parameters
        if (!StoredText.hasNul(uri.getPath()) && (rawQuery == null || !rawQuery.contains("%00"))) return null;
        for (Map.Entry<String, List<String>> parameter : uri.getPathParameters().entrySet()) {
            if (StoredText.hasNul(parameter.getValue().toArray(String[]::new))) return refuse(parameter.getKey(), uri);
        }
        if (StoredText.hasNul(uri.getPath())) return refuse("path", uri);
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            if (StoredText.hasNul(parameter.getKey()) || StoredText.hasNul(parameter.getValue().toArray(String[]::new))) {
                return refuse(parameter.getKey().replace('\0', '?'), uri);
            }
        }
        return null;
    }

    private static Response refuse(String field, UriInfo uri) {
        return ProblemMappers.toResponse(ProblemException.invalid(field, StoredText.NUL_MESSAGE), uri);
    }
}
