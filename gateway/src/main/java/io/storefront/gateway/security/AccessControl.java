package io.storefront.gateway.security;

import io.storefront.commons.http.RequestIds;
import io.storefront.commons.problem.ProblemType;
import io.storefront.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/**
 * Who may call what, for every way a request enters the gateway (the REST routes' filter and the
 * streaming upload proxy): the API key ({@code Authorization: Bearer <key>} or {@code X-API-Key}), the
 * role the route needs, and the key's rate limit. One instance, so a key has one rate limit however it
 * is used. Keys are never logged; a key is named by its id.
 */
@ApplicationScoped
public class AccessControl {

    public static final String REQUEST_ID = RequestIds.HEADER;

    /** What {@link #check} decided. */
    public sealed interface Decision permits Grant, Denial {
    }

    /** A request allowed, with the key it came with (null where the route needs none). */
    public record Grant(ApiKeys.ApiKey key) implements Decision {
    }

    /** Why a request is refused: the problem to answer and the headers that tell the client what to do. */
    public record Denial(int status, ProblemType type, String detail, Map<String, String> headers) implements Decision {
    }

    private final ApiKeys keys;
    private final GatewayConfig config;
    private final RateLimiter limiter = new RateLimiter();

    public AccessControl(ApiKeys keys, GatewayConfig config) {
        this.keys = keys;
        this.config = config;
    }

    /** The caller's request id when it is sane (it ends up in logs and headers), else a new one. */
    public static String requestId(String given) {
        return RequestIds.sane(given) ? given : UUID.randomUUID().toString();
    }

    /** The key a request presents: a bearer token, else the X-API-Key header; null without either. */
    public static String presentedKey(String authorization, String apiKeyHeader) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return apiKeyHeader;
    }

    /**
     * Whether {@code method path} may proceed with the key presented: a {@link Grant}, or a {@link Denial}
     * (401 without a valid key, 403 with a key whose role is too low, 429 with Retry-After).
     */
    public Decision check(String method, String path, String presented) {
        Role needed = AccessPolicy.required(method, path);
        if (needed == null || !config.auth().enabled() || method.equals("OPTIONS")) return new Grant(null);
        ApiKeys.ApiKey key = keys.find(presented);
        if (key == null) {
            return new Denial(401, ProblemType.UNAUTHORIZED, presented == null
                    ? "This route needs an API key: send 'Authorization: Bearer <key>' (or 'X-API-Key: <key>')"
                    : "The API key is not valid (unknown or revoked)",
                    Map.of("WWW-Authenticate", "Bearer realm=\"storefront\""));
        }
        if (!key.role().includes(needed)) {
            return new Denial(403, ProblemType.FORBIDDEN, "This route needs the " + needed.label() + " role; key "
                    + key.id() + " has " + key.role().label(), Map.of());
        }
        double rate = key.ratePerSecond() != null ? key.ratePerSecond() : config.rateLimit().perSecond();
        double burst = Math.max(1, rate * config.rateLimit().burstSeconds());
        long wait = limiter.acquire(key.id(), rate, burst, System.nanoTime());
        if (wait > 0) {
            return new Denial(429, ProblemType.TOO_MANY_REQUESTS, "Key " + key.id() + " is limited to " + rate
                    + " requests a second; retry after " + wait + " s", Map.of("Retry-After", String.valueOf(wait)));
        }
        return new Grant(key);
    }
}
