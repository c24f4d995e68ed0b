package io.storefront.gateway.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A problem a service answered names the service's own path as its {@code instance}; the client asked
 * the gateway for another path, and that is the one it gets back. The gateway's own problems already
 * name the gateway's path; they are not bytes passed on and are left as they are.
 */
public class PublicProblemInstance {

    @ServerResponseFilter
    public void rewrite(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type == null || !"problem+json".equalsIgnoreCase(type.getSubtype())) return;
        if (response.getEntity() instanceof byte[] problem) {
            response.setEntity(PublicLocation.problemAt(problem, request.getUriInfo().getRequestUri().getRawPath()),
                    null, type);
        }
    }
}
