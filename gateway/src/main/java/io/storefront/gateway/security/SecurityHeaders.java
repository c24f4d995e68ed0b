package io.storefront.gateway.security;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Browser security headers on everything the gateway serves except Swagger UI (which needs inline
 * scripts): the dashboard runs only its own script and styles, sends no referrer, cannot be framed.
 * Answers to requests that carry a key are never shared-cacheable: the services mark their views
 * {@code public}, but behind the gateway a CDN would otherwise hand an analyst's answer to anyone.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    void install(@Observes Router router) {
        router.route().order(-100).handler(context -> {
            String path = context.request().path();
            if (context.request().headers().contains("Authorization") || context.request().headers().contains("X-API-Key")) {
                context.addHeadersEndHandler(v -> {
                    String cacheControl = context.response().headers().get("Cache-Control");
                    if (cacheControl != null) context.response().headers().set("Cache-Control", privateCopy(cacheControl));
                });
            }
            if (!path.startsWith("/q/")) {
                context.addHeadersEndHandler(v -> context.response().headers()
                        .set("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                        .set("X-Content-Type-Options", "nosniff")
                        .set("Referrer-Policy", "no-referrer")
                        .set("X-Frame-Options", "DENY"));
            }
            context.next();
        });
    }

    /** {@code public, max-age=60} → {@code private, max-age=60}; other directives are kept. */
    static String privateCopy(String cacheControl) {
        String rest = java.util.Arrays.stream(cacheControl.split(","))
                .map(String::trim)
                .filter(d -> !d.isEmpty() && !d.equalsIgnoreCase("public") && !d.equalsIgnoreCase("private"))
                .collect(java.util.stream.Collectors.joining(", "));
        return rest.isEmpty() ? "private" : "private, " + rest;
    }
}
