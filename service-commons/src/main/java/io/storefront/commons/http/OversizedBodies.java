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
 * document; a body sent without a length is counted as it is read instead ({@link BufferedBodyLimit}). Routes that
 * stream their body ({@link StreamedUploads}) have limits of their own and are left to them.
 * <p>
 * A body that is not a multipart upload is held to {@link BodyLimits#maxBufferedBodySize()} instead: a
 * service whose CSV uploads go to disk can take them far larger than the JSON it reads into memory.
 */
@ApplicationScoped
public class OversizedBodies {

    /** Where Quarkus puts the limit for a body sent without a length, which its REST layer counts against. */
    static final String CHUNKED_LIMIT_KEY = "io.quarkus.max-request-size";
    /** Just after Quarkus' own body-size handler ({@code RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT}), which sets it. */
    static final int AFTER_QUARKUS_LIMIT = -1;
    /**
     * Quarkus counts a body as it arrives, ahead of what the REST layer has read; {@link BufferedBodyLimit} counts
     * what is read. Quarkus' cut-off is moved this far past the other so that the one answering a problem comes first.
     */
    static final long BACKSTOP_MARGIN = 1024 * 1024;

    private final long uploadLimit;
    private final long bufferedLimit;

    public OversizedBodies(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize max,
                           BodyLimits limits) {
        this.uploadLimit = max.asLongValue();
        this.bufferedLimit = Math.min(uploadLimit, limits.maxBufferedBodySize().map(MemorySize::asLongValue).orElse(uploadLimit));
    }

    /** The largest multipart upload this service takes. */
    public long uploadLimit() {
        return uploadLimit;
    }

    /** The largest body other than a multipart upload this service takes. */
    public long bufferedLimit() {
        return bufferedLimit;
    }

    void refuseEarly(@Observes Router router, Instance<StreamedUploads> streamed) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            boolean upload = multipart(ctx.request().getHeader("Content-Type"));
            long limit = upload ? uploadLimit : bufferedLimit;
            if (length != null && tooLong(length, limit) && !streams(streamed, ctx.request().method().name(), ctx.request().path())) {
                JsonObject problem = new JsonObject()
                        .put("type", "urn:storefront:problem:payload-too-large")
                        .put("title", "Payload too large")
                        .put("status", 413)
                        .put("detail", "The request body is " + length.strip() + " bytes; this service accepts at most "
                                + limit + " bytes" + (upload || limit == uploadLimit ? ""
                                : " (files sent as multipart uploads: at most " + uploadLimit + " bytes)"))
                        .put("instance", ctx.request().path());
                ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE);
                // the body is not read, so an HTTP/1 connection cannot be reused; HTTP/2 forbids the header
                if (ctx.request().version() != HttpVersion.HTTP_2) ctx.response().putHeader("Connection", "close");
                ctx.response().end(problem.encode());
                return;
            }
            ctx.next();
        });
        router.route().order(AFTER_QUARKUS_LIMIT).handler(ctx -> {
            if (ctx.get(CHUNKED_LIMIT_KEY) != null && !multipart(ctx.request().getHeader("Content-Type"))) {
                ctx.put(CHUNKED_LIMIT_KEY, bufferedLimit + BACKSTOP_MARGIN);
            }
            ctx.next();
        });
    }

    static boolean multipart(String contentType) {
        return contentType != null && contentType.regionMatches(true, 0, "multipart/form-data", 0, "multipart/form-data".length());
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
