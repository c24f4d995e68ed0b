package io.storefront.gateway.security;

import io.smallrye.common.vertx.ContextLocals;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Passes the request id on to the services, so one id follows a request through every log. */
@Provider
public class RequestIdForwarding implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        ContextLocals.<String>get(AccessFilter.REQUEST_ID_LOCAL)
                .ifPresent(id -> request.getHeaders().putSingle(AccessFilter.REQUEST_ID, id));
    }
}
