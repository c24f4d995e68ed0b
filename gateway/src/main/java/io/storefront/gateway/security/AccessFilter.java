package io.storefront.gateway.security;

import io.smallrye.common.vertx.ContextLocals;
import io.storefront.commons.http.RequestIds;
import io.storefront.commons.problem.ProblemException;
import io.storefront.commons.problem.ProblemMappers;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every request to the gateway's REST routes: a request id (the caller's {@code X-Request-Id} when it is
 * sane, else a new one) for the logs, the answer and the calls to the services; then, for the public API,
 * the checks of {@link AccessControl}. Uploads bypass these routes (see {@code UploadProxy}) and make the
 * same checks there.
 */
public class AccessFilter {

    public static final String REQUEST_ID = AccessControl.REQUEST_ID;
    public static final String REQUEST_ID_LOCAL = "storefront.request-id";

    private final AccessControl access;

    public AccessFilter(AccessControl access) {
        this.access = access;
    }

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request, UriInfo uri) {
        String requestId = AccessControl.requestId(request.getHeaderString(REQUEST_ID));
        request.setProperty(REQUEST_ID_LOCAL, requestId);
        ContextLocals.put(REQUEST_ID_LOCAL, requestId);
        MDC.put(RequestIds.LOG_KEY, requestId);

        AccessControl.Decision decision = access.check(request.getMethod(), uri.getPath(), AccessControl.presentedKey(
                request.getHeaderString(HttpHeaders.AUTHORIZATION), request.getHeaderString("X-API-Key")));
        if (decision instanceof AccessControl.Grant grant) {
            if (grant.key() != null) MDC.put("apiKey", grant.key().id());
            return null;
        }
        AccessControl.Denial denial = (AccessControl.Denial) decision;
        Response.ResponseBuilder response = Response.fromResponse(ProblemMappers.toResponse(
                new ProblemException(denial.status(), denial.type(), denial.detail()), uri));
        denial.headers().forEach(response::header);
        return response.build();
    }

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(REQUEST_ID_LOCAL);
        if (id != null) response.getHeaders().putSingle(REQUEST_ID, id);
    }
}
