package io.storefront.gateway.security;

import io.smallrye.common.vertx.ContextLocals;
import io.storefront.commons.problem.ProblemException;
import io.storefront.commons.problem.ProblemMappers;
import io.storefront.commons.problem.ProblemType;
import io.storefront.gateway.config.GatewayConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every request to the gateway: a request id (the caller's {@code X-Request-Id} when it is sane, else a
 * new one) for the logs, the answer and the calls to the services; then, for the public API, the API key
 * ({@code Authorization: Bearer <key>} or {@code X-API-Key}), the role the route needs, and the key's
 * rate limit. 401 without a valid key, 403 with a key whose role is too low, 429 with Retry-After.
 * Keys are never logged; a key is named by its id.
 */
public class AccessFilter {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String REQUEST_ID_LOCAL = "storefront.request-id";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final ApiKeys keys;
    private final GatewayConfig config;
    private final RateLimiter limiter = new RateLimiter();

    public AccessFilter(ApiKeys keys, GatewayConfig config) {
        this.keys = keys;
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request, UriInfo uri) {
        String given = request.getHeaderString(REQUEST_ID);
        String requestId = given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setProperty(REQUEST_ID_LOCAL, requestId);
        ContextLocals.put(REQUEST_ID_LOCAL, requestId);
        MDC.put("requestId", requestId);

        Role needed = AccessPolicy.required(request.getMethod(), uri.getPath());
        if (needed == null || !config.auth().enabled() || request.getMethod().equals("OPTIONS")) return null;
        ApiKeys.ApiKey key = keys.find(presentedKey(request));
        if (key == null) {
            return problem(401, ProblemType.UNAUTHORIZED, presentedKey(request) == null
                    ? "This route needs an API key: send 'Authorization: Bearer <key>' (or 'X-API-Key: <key>')"
                    : "The API key is not valid (unknown or revoked)", uri)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"storefront\"").build();
        }
        MDC.put("apiKey", key.id());
        if (!key.role().includes(needed)) {
            return problem(403, ProblemType.FORBIDDEN, "This route needs the " + needed.label() + " role; key "
                    + key.id() + " has " + key.role().label(), uri).build();
        }
        double rate = key.ratePerSecond() != null ? key.ratePerSecond() : config.rateLimit().perSecond();
        double burst = Math.max(1, rate * config.rateLimit().burstSeconds());
        long wait = limiter.acquire(key.id(), rate, burst, System.nanoTime());
        if (wait > 0) {
            return problem(429, ProblemType.TOO_MANY_REQUESTS, "Key " + key.id() + " is limited to " + rate
                    + " requests a second; retry after " + wait + " s", uri)
                    .header("Retry-After", String.valueOf(wait)).build();
        }
        return null;
    }

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(REQUEST_ID_LOCAL);
        if (id != null) response.getHeaders().putSingle(REQUEST_ID, id);
    }

    private static String presentedKey(ContainerRequestContext request) {
        String auth = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) return auth.substring(7).strip();
        return request.getHeaderString("X-API-Key");
    }

    private static Response.ResponseBuilder problem(int status, ProblemType type, String detail, UriInfo uri) {
        return Response.fromResponse(ProblemMappers.toResponse(new ProblemException(status, type, detail), uri));
    }
}
