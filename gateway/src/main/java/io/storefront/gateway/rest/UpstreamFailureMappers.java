package io.storefront.gateway.rest;

import io.storefront.commons.problem.ProblemException;
import io.storefront.commons.problem.ProblemMappers;
import io.storefront.commons.problem.ProblemType;
import io.storefront.gateway.resilience.ServiceUnavailable;
import io.storefront.gateway.resilience.UpstreamFailure;
import io.storefront.gateway.resilience.UpstreamTimeout;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * How failures of the services behind the gateway reach clients: problems, never a stack trace. A service
 * down, paused or too slow is a 503 with Retry-After (its type says which), so that clients handle every
 * "not now" alike; a service that answered with an error of its own is a 502.
 */
public class UpstreamFailureMappers {

    private static final Logger LOG = Logger.getLogger(UpstreamFailureMappers.class);

    @ServerExceptionMapper
    public Response failed(UpstreamFailure e, UriInfo uri) {
        LOG.warnf("%s on %s", e.getMessage(), uri.getPath());
        return problem(502, ProblemType.UPSTREAM_UNAVAILABLE,
                "The " + e.service() + " service failed to answer this request; try again later", uri);
    }

    @ServerExceptionMapper
    public Response timeout(UpstreamTimeout e, UriInfo uri) {
        LOG.warnf("%s on %s", e.getMessage(), uri.getPath());
        return withRetryAfter(problem(503, ProblemType.UPSTREAM_TIMEOUT,
                "The " + e.service() + " service did not answer in time; try again later", uri));
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailable e, UriInfo uri) {
        String detail = switch (e.reason()) {
            case UNREACHABLE -> "The " + e.service() + " service is unreachable; try again later";
            case CIRCUIT_OPEN -> "The " + e.service() + " service is failing and calls to it are paused; try again in a few seconds";
            case BULKHEAD_FULL -> "Too many requests to the " + e.service() + " service are in progress; try again shortly";
        };
        if (e.reason() == ServiceUnavailable.Reason.UNREACHABLE) {
            LOG.warnf("%s on %s", e.getMessage(), uri.getPath());
        }
        return withRetryAfter(problem(503, ProblemType.UPSTREAM_UNAVAILABLE, detail, uri));
    }

    private static Response withRetryAfter(Response response) {
        return Response.fromResponse(response).header("Retry-After", "5").build();
    }

    private static Response problem(int status, ProblemType type, String detail, UriInfo uri) {
        return ProblemMappers.toResponse(new ProblemException(status, type, detail), uri);
    }
}
