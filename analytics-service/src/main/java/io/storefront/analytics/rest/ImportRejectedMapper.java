package io.storefront.analytics.rest;

import io.storefront.analytics.domain.ImportRejected;
import io.storefront.commons.problem.ProblemException;
import io.storefront.commons.problem.ProblemMappers;
import io.storefront.commons.problem.ProblemType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A file that cannot be imported at all: 422 naming where, and nothing stored. */
public class ImportRejectedMapper {

    @ServerExceptionMapper
    public Response rejected(ImportRejected e, UriInfo uri) {
        String detail = "The file cannot be imported; nothing was stored: " + e.errors().stream()
                .map(err -> err.file() + " line " + err.line() + (err.column() == null ? "" : ", " + err.column())
                        + ": " + err.message())
                .reduce((a, b) -> a + "; " + b).orElse(e.getMessage());
        return ProblemMappers.toResponse(new ProblemException(422, ProblemType.INVALID_ROWS, detail,
                ImportResource.violations(e.errors()), Map.of("linesStored", 0)), uri);
    }
}
