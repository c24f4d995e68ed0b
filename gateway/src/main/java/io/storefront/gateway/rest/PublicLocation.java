package io.storefront.gateway.rest;

import io.storefront.gateway.client.UpstreamResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** A service's Location header as the gateway's public path of the same resource, never the service's host. */
final class PublicLocation {

    private PublicLocation() {
    }

    /** {@code http://sentiment:8083/api/v1/models/7} with (/api/v1/models/, /api/v1/sentiment/models/) → /api/v1/sentiment/models/7. */
    static Response of(UpstreamResponse upstream, String servicePath, String publicPath) {
        Response response = upstream.toResponse();
        String location = response.getHeaderString(HttpHeaders.LOCATION);
        if (location == null) return response;
        String path = location.replaceFirst("^https?://[^/]+", "");
        if (!path.startsWith(servicePath)) return response;
        return Response.fromResponse(response)
                .location(java.net.URI.create(publicPath + path.substring(servicePath.length()))).build();
    }

    /** The same path at the gateway: only the service's scheme and host are removed. */
    static Response samePath(UpstreamResponse upstream) {
        return of(upstream, "/", "/");
    }
}
