package io.storefront.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storefront.commons.http.StreamedUploads;
import io.storefront.commons.problem.Problem;
import io.storefront.commons.problem.ProblemException;
import io.storefront.commons.problem.ProblemType;
import io.storefront.gateway.client.AnalyticsClient;
import io.storefront.gateway.client.RecommenderClient;
import io.storefront.gateway.client.SentimentClient;
import io.storefront.gateway.config.GatewayConfig;
import io.storefront.gateway.resilience.Guard;
import io.storefront.gateway.security.AccessControl;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The import uploads (order lines, catalog, reviews) streamed to their service as they arrive, so that a
 * store can send a multi-million-line export through the public API without the gateway holding it:
 * the REST routes read a whole body into memory and are capped at {@code quarkus.http.limits.max-body-size}.
 * These routes come before that cap and before the REST routes, so they make the same access checks
 * themselves ({@link AccessControl}) and answer failures with the same problems. Documented in
 * {@code META-INF/openapi.yaml} (they are not REST resources).
 */
@ApplicationScoped
public class UploadProxy implements StreamedUploads {

    private static final Logger LOG = Logger.getLogger(UploadProxy.class);
    /** After Quarkus' security headers (-100), before its body-size cap (-2) and the REST routes. */
    static final int ROUTE_ORDER = -10;

    /**
     * A public upload route: the service behind it, the service's path, where its jobs are at the gateway,
     * and the names the last segment may take (empty: the path is fixed).
     */
    record Route(String publicPathRegex, List<String> formats, Guard guard, URI serviceBase, String publicPrefix,
                 String servicePrefix, String publicJobs, String serviceJobs) {
        String service() {
            return guard.service();
        }

        boolean matches(String path) {
            return path.matches(publicPathRegex + "/?");
        }

        String servicePath(String publicPath) {
            return servicePrefix + publicPath.substring(publicPrefix.length());
        }
    }

    private final List<Route> routes;
    private final AccessControl access;
    private final GatewayConfig config;
    private final ObjectMapper json;
    private final HttpClient client;

    public UploadProxy(Vertx vertx, AccessControl access, GatewayConfig config, ObjectMapper json,
                       AnalyticsClient analyticsClient, RecommenderClient recommenderClient, SentimentClient sentimentClient,
                       @ConfigProperty(name = "quarkus.rest-client.analytics.url") URI analytics,
                       @ConfigProperty(name = "quarkus.rest-client.recommender.url") URI recommender,
                       @ConfigProperty(name = "quarkus.rest-client.sentiment.url") URI sentiment) {
        this.access = access;
        this.config = config;
        this.json = json;
        this.routes = List.of(
                new Route("/api/v1/analytics/imports/[^/]+", List.of("order-lines", "seed"), analyticsClient.guard(), analytics,
                        "/api/v1/analytics/imports/", "/api/v1/imports/", "/api/v1/analytics/imports/", "/api/v1/imports/"),
                new Route("/api/v1/catalog/imports", List.of(), recommenderClient.guard(), recommender,
                        "/api/v1/catalog/imports", "/api/v1/catalog/imports", "/", "/"),
                new Route("/api/v1/sentiment/reviews/imports", List.of(), sentimentClient.guard(), sentiment,
                        "/api/v1/sentiment/reviews/imports", "/api/v1/reviews/imports",
                        "/api/v1/sentiment/reviews/imports/", "/api/v1/reviews/imports/"));
        // uploads are few and long: a small pool, and no deadline for the whole call, only for silence
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2000).setMaxPoolSize(8));
    }

    @Override
    public boolean streams(String method, String path) {
        return method.equals("POST") && routes.stream().anyMatch(route -> route.matches(path));
    }

    void install(@Observes Router router) {
        for (Route route : routes) {
            router.postWithRegex(route.publicPathRegex() + "/?").order(ROUTE_ORDER).handler(ctx -> forward(ctx, route));
        }
    }

    private void forward(RoutingContext ctx, Route route) {
        HttpServerRequest in = ctx.request();
        in.pause(); // nothing of the body is read until the service is there to take it
        String path = in.path().endsWith("/") ? in.path().substring(0, in.path().length() - 1) : in.path();
        String requestId = AccessControl.requestId(in.getHeader(AccessControl.REQUEST_ID));
        ctx.response().putHeader(AccessControl.REQUEST_ID, requestId);

        AccessControl.Decision decision = access.check("POST", path, AccessControl.presentedKey(
                in.getHeader(HttpHeaders.AUTHORIZATION), in.getHeader("X-API-Key")));
        if (decision instanceof AccessControl.Denial denial) {
            problem(ctx, denial.status(), denial.type(), denial.detail(), denial.headers());
            return;
        }
        String format = path.substring(path.lastIndexOf('/') + 1);
        if (!route.formats().isEmpty() && !route.formats().contains(format)) {
            problem(ctx, 404, ProblemType.NOT_FOUND, "No import format " + format + "; formats: " + route.formats(), Map.of());
            return;
        }
        long declared = parseLength(in.getHeader(HttpHeaders.CONTENT_LENGTH));
        long max = config.uploads().maxSize().asLongValue();
        if (declared > max) {
            problem(ctx, 413, ProblemType.PAYLOAD_TOO_LARGE, "The upload is " + declared + " bytes; the gateway takes at most "
                    + max + " (gateway.uploads.max-size): split the file at order boundaries", Map.of());
            return;
        }

        long started = System.nanoTime();
        URI base = route.serviceBase();
        String query = in.query() == null ? "" : "?" + in.query();
        boolean tls = "https".equalsIgnoreCase(base.getScheme());
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(base.getHost()).setSsl(tls)
                .setPort(base.getPort() > 0 ? base.getPort() : tls ? 443 : 80).setURI(route.servicePath(path) + query)
                .setIdleTimeout(config.uploads().idleTimeout().toMillis())
                .putHeader(AccessControl.REQUEST_ID, requestId);
        copy(in, options, HttpHeaders.CONTENT_TYPE);
        copy(in, options, HttpHeaders.CONTENT_LENGTH);
        client.request(options)
                .compose(out -> {
                    if (declared < 0) out.setChunked(true);
                    LimitedBody body = new LimitedBody(in, max, () -> {
                        // the answer first: resetting the service's request fails the send at once, and its failure
                        // handler must find the client answered
                        problem(ctx, 413, ProblemType.PAYLOAD_TOO_LARGE, "The upload is larger than the gateway takes ("
                                + max + " bytes, gateway.uploads.max-size): split the file at order boundaries", Map.of());
                        out.reset();
                    });
                    // a client gone mid-upload: the service's half-sent request is dropped at once, not at the idle timeout
                    ctx.response().closeHandler(closed -> out.reset());
                    out.exceptionHandler(failure -> { }); // the send's outcome below says what happened, once
                    return out.send(body);
                })
                .compose(answer -> answer.body().map(body -> new Answer(answer, body)))
                .onSuccess(answer -> {
                    route.guard().countUnguarded(answer.response().statusCode() >= 500 ? Guard.Outcome.FAILED : Guard.Outcome.OK);
                    LOG.infof("upload %s (request %s) to %s: %s bytes, %d, %d ms", path, requestId, route.service(),
                            declared >= 0 ? declared : "chunked", answer.response().statusCode(),
                            (System.nanoTime() - started) / 1_000_000);
                    passOn(ctx, route, path, answer.response(), answer.body());
                })
                .onFailure(failure -> {
                    // answered already: the gateway gave the call up itself (the upload went over the size limit)
                    route.guard().countUnguarded(ctx.response().closed() || ctx.response().ended() ? Guard.Outcome.CANCELLED
                            : failure instanceof TimeoutException ? Guard.Outcome.TIMEOUT : Guard.Outcome.UNREACHABLE);
                    if (ctx.response().closed()) {
                        LOG.infof("upload %s (request %s) to %s: the client left mid-upload; nothing was imported", path,
                                requestId, route.service());
                        return;
                    }
                    LOG.warnf("upload %s (request %s) to %s failed: %s", path, requestId, route.service(), failure.toString());
                    if (ctx.response().ended()) return;
                    if (failure instanceof TimeoutException) {
                        problem(ctx, 503, ProblemType.UPSTREAM_TIMEOUT, "The " + route.service()
                                + " service stopped taking the upload; try again later", Map.of("Retry-After", "5"));
                    } else {
                        problem(ctx, 503, ProblemType.UPSTREAM_UNAVAILABLE, "The " + route.service()
                                + " service is unreachable; try again later", Map.of("Retry-After", "5"));
                    }
                });
    }

    private record Answer(HttpClientResponse response, Buffer body) {
    }

    /** The service's answer at the gateway's paths; a 5xx is the service's failure, a 502 here as on every route. */
    private void passOn(RoutingContext ctx, Route route, String path, HttpClientResponse answer, Buffer body) {
        if (ctx.response().ended()) return; // already refused here (the upload went over the limit)
        if (answer.statusCode() >= 500) {
            problem(ctx, 502, ProblemType.UPSTREAM_UNAVAILABLE, "The " + route.service()
                    + " service failed to answer this request; try again later", Map.of());
            return;
        }
        String type = answer.getHeader(HttpHeaders.CONTENT_TYPE);
        byte[] bytes = body.getBytes();
        bytes = type != null && type.startsWith(Problem.MEDIA_TYPE) ? PublicLocation.problemAt(bytes, path)
                : PublicLocation.withPublicSelf(bytes, type, route.serviceJobs(), route.publicJobs());
        HttpServerResponse response = ctx.response().setStatusCode(answer.statusCode());
        if (type != null) response.putHeader(HttpHeaders.CONTENT_TYPE, type);
        for (String name : List.of("Retry-After", "Cache-Control")) {
            if (answer.getHeader(name) != null) response.putHeader(name, answer.getHeader(name));
        }
        String location = answer.getHeader(HttpHeaders.LOCATION);
        String publicPath = location == null ? null : PublicLocation.publicPath(location, route.serviceJobs(), route.publicJobs());
        if (publicPath != null) {
            HttpServerRequest in = ctx.request();
            response.putHeader(HttpHeaders.LOCATION, in.scheme() + "://" + in.authority() + publicPath);
        }
        end(ctx, Buffer.buffer(bytes));
    }

    private void problem(RoutingContext ctx, int status, ProblemType type, String detail, Map<String, String> headers) {
        Problem problem = new ProblemException(status, type, detail).toProblem(URI.create(ctx.request().path()));
        HttpServerResponse response = ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers.forEach(response::putHeader);
        try {
            end(ctx, Buffer.buffer(json.writeValueAsBytes(problem)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What of an unwanted body is read and dropped so that the client's connection stays usable. */
    static final long DRAIN_AT_MOST = 1 << 20;

    /**
     * Ends the answer. A body the client is still sending is not wanted: it is read and dropped up to
     * {@link #DRAIN_AT_MOST}, so that a client still writing a small body gets the answer and keeps its
     * connection; past that an HTTP/1 connection is closed rather than read for up to half a gigabyte (an
     * HTTP/2 connection carries other requests and its flow control bounds what arrives).
     */
    private static void end(RoutingContext ctx, Buffer body) {
        HttpServerRequest in = ctx.request();
        if (!in.isEnded()) {
            boolean http1 = in.version() != HttpVersion.HTTP_2;
            long[] dropped = {0};
            in.exceptionHandler(failure -> { });
            in.endHandler(end -> { });
            in.handler(chunk -> {
                dropped[0] += chunk.length();
                if (http1 && dropped[0] > DRAIN_AT_MOST) in.connection().close();
            });
        }
        ctx.response().end(body);
        in.resume();
    }

    private static void copy(HttpServerRequest in, RequestOptions out, CharSequence header) {
        String value = in.getHeader(header);
        if (value != null) out.putHeader(header, value);
    }

    private static long parseLength(String header) {
        if (header == null) return -1;
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
