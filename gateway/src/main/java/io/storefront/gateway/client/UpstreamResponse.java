package io.storefront.gateway.client;

import io.smallrye.mutiny.Uni;
import io.storefront.gateway.resilience.UpstreamFailure;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A service's answer passed on as it is: status, media type, body and the caching headers. */
public record UpstreamResponse(int status, String mediaType, byte[] body, Map<String, String> headers) {

    /** Headers a client or CDN needs to cache and revalidate what it got. */
    static final List<String> PASSED_ON = List.of(HttpHeaders.ETAG, HttpHeaders.CACHE_CONTROL,
            HttpHeaders.LAST_MODIFIED, HttpHeaders.LOCATION, "Content-Disposition");

    static UpstreamResponse of(Response response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : PASSED_ON) {
            String value = response.getHeaderString(name);
            if (value != null) headers.put(name, value);
        }
        MediaType type = response.getMediaType();
        byte[] body = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
        return new UpstreamResponse(response.getStatus(), type == null ? null : type.toString(), body, headers);
    }

    /** A service's answer to pass on; a 5xx is a failure of that service (it counts for its breaker). */
    static UpstreamResponse passOn(String service, Response response) {
        try (response) {
            if (response.getStatus() >= 500) {
                throw new UpstreamFailure(service, response.getStatus());
            }
            return of(response);
        }
    }

    /** Whether a readiness probe answered 200 within two seconds. */
    static Uni<Boolean> ready(Uni<Response> probe) {
        return probe
                .map(r -> {
                    try (r) {
                        return r.getStatus() == 200;
                    }
                })
                .ifNoItem().after(Duration.ofSeconds(2)).recoverWithItem(false);
    }

    public Response toResponse() {
        Response.ResponseBuilder builder = Response.status(status);
        if (body.length > 0) builder.entity(body).type(mediaType);
        headers.forEach(builder::header);
        return builder.build();
    }
}
