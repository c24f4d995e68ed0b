package io.storefront.commons.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.storefront.commons.problem.Problem;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body announced larger than {@code quarkus.http.limits.max-body-size} is refused as a 413 problem
 * before it is read. Without this, the HTTP layer refuses it with an empty 413 that is not a problem
 * document (a body sent without a length is still cut off there, without a problem body). Routes that
 * stream their body ({@link StreamedUploads}) have limits of their own and are left to them.
 */
@ApplicationScoped
public class OversizedBodies {

    void refuseEarly(@Observes Router router,
                     @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize max,
                     Instance<StreamedUploads> streamed) {
        long limit = max.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && tooLong(length, limit) && !streams(streamed, ctx.request().method().name(), ctx.request().path())) {
                JsonObject problem = new JsonObject()
                        .put("type", "urn:storefront:problem:payload-too-large")
                        .put("title", "Payload too large")
                        .put("status", 413)
                        .put("detail", "The request body is " + length.strip() + " bytes; this service accepts at most "
                                + limit + " bytes")
                        .put("instance", ctx.request().path());
                ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE);
                // the body is not read, so an HTTP/1 connection cannot be reused; HTTP/2 forbids the header
                if (ctx.request().version() != HttpVersion.HTTP_2) ctx.response().putHeader("Connection", "close");
                ctx.response().end(problem.encode());
                return;
            }
            ctx.next();
        });
    }

    private static boolean streams(Instance<StreamedUploads> streamed, String method, String path) {
        for (StreamedUploads uploads : streamed) if (uploads.streams(method, path)) return true;
        return false;
    }

    private static boolean tooLong(String length, long limit) {
        try {
            return Long.parseLong(length.strip()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP layer answers a malformed length itself
        }
    }
}
