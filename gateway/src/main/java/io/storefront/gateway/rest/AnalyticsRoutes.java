package io.storefront.gateway.rest;

import io.smallrye.mutiny.Uni;
import io.storefront.commons.problem.Problem;
import io.storefront.gateway.client.AnalyticsClient;
import io.storefront.gateway.client.UpstreamResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import io.storefront.commons.problem.ProblemException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Analytics at the public API: the original application's route and its {@code /api/v1} twins.
 * Answers, ETags and Cache-Control come from the analytics service unchanged, so clients and CDNs
 * revalidate with If-None-Match through the gateway.
 */
@Path("/")
@Tag(name = "Analytics")
public class AnalyticsRoutes {

    private final AnalyticsClient analytics;

    public AnalyticsRoutes(AnalyticsClient analytics) {
        this.analytics = analytics;
    }

    @GET
    @Path("analytics/sales")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sales: monthly trend and payment-mode share with charts (the original application's route)")
    @APIResponse(responseCode = "200", description = "Numbers as JSON and, unless charts=none, charts in base64")
    @APIResponse(responseCode = "304", description = "The client's copy (If-None-Match) is current")
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The analytics service is unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> sales(@Context UriInfo uri, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return analytics.view("sales", "summary", QueryParams.of(uri), ifNoneMatch).map(UpstreamResponse::toResponse);
    }

    @GET
    @Path("analytics/customer")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Customers: Low / Medium / High value segments with charts (the original application's route); "
            + "parameters state, thresholds=quantile|fixed, low, high, charts")
    @APIResponse(responseCode = "200", description = "Segments as JSON and, unless charts=none, charts in base64")
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The analytics service is unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> customer(@Context UriInfo uri, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return analytics.view("customers", "segments", QueryParams.of(uri), ifNoneMatch).map(UpstreamResponse::toResponse);
    }

    @GET
    @Path("api/v1/analytics/customers/profiles/{key}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One customer's profile: figures, RFM, months, favourite sub-categories, latest orders")
    @APIResponse(responseCode = "200", description = "The profile")
    @APIResponse(responseCode = "404", description = "No such customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> customerProfile(@RestPath String key, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return analytics.customerProfile(key, ifNoneMatch).map(UpstreamResponse::toResponse);
    }

    @GET
    @Path("api/v1/analytics/{area}/{view}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A view of the analytics service, passed through with its query: sales/{summary, trend, "
            + "payment-modes, regions, profit, dimensions}, products/{top, treemap, average-order-value}, "
            + "customers/{segments, rfm, clusters, frequency, cohorts}; parameters as the analytics service documents them")
    @APIResponse(responseCode = "200", description = "Numbers as JSON and, unless charts=none, charts in base64")
    @APIResponse(responseCode = "304", description = "The client's copy (If-None-Match) is current")
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such view",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The analytics service is unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> view(@RestPath String area, @RestPath String view, @Context UriInfo uri,
                              @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        List<String> views = VIEWS.get(area);
        if (views == null || !views.contains(view)) {
            throw ProblemException.notFound("No analytics view " + area + "/" + view + "; views: " + VIEWS);
        }
        return analytics.view(area, view, QueryParams.of(uri), ifNoneMatch).map(UpstreamResponse::toResponse);
    }

    @GET
    @Path("api/v1/analytics/{area}/charts/{file}")
    @Produces({"image/png", "image/svg+xml"})
    @Operation(summary = "A chart of an analytics view as an image for <img src>, e.g. sales/charts/sales-trend.png; "
            + "takes its view's parameters")
    @APIResponse(responseCode = "200", description = "The image, with ETag and Cache-Control")
    @APIResponse(responseCode = "404", description = "No such chart",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> chart(@RestPath String area, @RestPath String file, @Context UriInfo uri,
                               @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        if (!VIEWS.containsKey(area)) {
            throw ProblemException.notFound("No analytics area " + area + "; areas: " + VIEWS.keySet());
        }
        return analytics.chart(area, file, QueryParams.of(uri), ifNoneMatch).map(UpstreamResponse::toResponse);
    }

    @GET
    @Path("api/v1/analytics/imports/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An order import job: status, phase, percent, ETA, rows read, stored and rejected (line, "
            + "column, reason)")
    @APIResponse(responseCode = "200", description = "The job")
    @APIResponse(responseCode = "404", description = "No such job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> importJob(@RestPath String id) {
        return analytics.importJob(id).map(upstream -> PublicLocation.of(upstream, "/api/v1/imports/", "/api/v1/analytics/imports/"));
    }

    @GET
    @Path("api/v1/analytics/imports")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Order import jobs, newest first; parameters after (the last id of the previous page), limit")
    @APIResponse(responseCode = "200", description = "The jobs")
    public Uni<Response> importJobs(@Context UriInfo uri) {
        return analytics.importJobs(QueryParams.of(uri))
                .map(upstream -> PublicLocation.of(upstream, "/api/v1/imports/", "/api/v1/analytics/imports/"));
    }

    /** The views each area of the analytics service has; anything else is a 404 here, without a call. */
    private static final Map<String, List<String>> VIEWS = Map.of(
            "sales", List.of("summary", "trend", "payment-modes", "regions", "profit", "dimensions"),
            "products", List.of("top", "treemap", "average-order-value"),
            "customers", List.of("segments", "rfm", "clusters", "frequency", "cohorts"));
}
