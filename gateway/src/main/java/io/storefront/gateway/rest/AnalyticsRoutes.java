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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

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
    public Uni<Response> sales(
            @Parameter(description = "First day, ISO date, inclusive") @RestQuery String from,
            @Parameter(description = "Last day, ISO date, inclusive") @RestQuery String to,
            @Parameter(description = "none, png (default) or svg") @RestQuery String charts,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return analytics.salesSummary(from, to, charts, ifNoneMatch).map(UpstreamResponse::toResponse);
    }

    @GET
    @Path("api/v1/analytics/sales/summary")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sales: monthly trend and payment-mode share with charts")
    @APIResponse(responseCode = "200", description = "Numbers as JSON and, unless charts=none, charts in base64")
    public Uni<Response> salesSummary(@RestQuery String from, @RestQuery String to, @RestQuery String charts,
                                      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return sales(from, to, charts, ifNoneMatch);
    }

    @GET
    @Path("api/v1/analytics/sales/charts/{file}")
    @Produces({"image/png", "image/svg+xml"})
    @Operation(summary = "A sales chart as an image for <img src>: monthly-sales or payment-modes, .png or .svg")
    @APIResponse(responseCode = "200", description = "The image, with ETag and Cache-Control")
    @APIResponse(responseCode = "404", description = "No such chart",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> salesChart(@RestPath String file, @RestQuery String from, @RestQuery String to,
                                    @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return analytics.salesChart(file, from, to, ifNoneMatch).map(UpstreamResponse::toResponse);
    }
}
