package io.storefront.gateway.rest;

import io.smallrye.mutiny.Uni;
import io.storefront.commons.problem.Problem;
import io.storefront.gateway.client.AnalyticsClient;
import io.storefront.gateway.client.UpstreamResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** Analytics at the public API: the original application's route and its {@code /api/v1} twin. */
@Path("/")
@Tag(name = "Analytics")
@Produces(MediaType.APPLICATION_JSON)
public class AnalyticsRoutes {

    private final AnalyticsClient analytics;

    public AnalyticsRoutes(AnalyticsClient analytics) {
        this.analytics = analytics;
    }

    @GET
    @Path("analytics/sales")
    @Operation(summary = "Sales: monthly trend and payment-mode share with charts (the original application's route)")
    @APIResponse(responseCode = "200", description = "Numbers as JSON and, unless charts=none, PNG charts in base64")
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The analytics service is unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> sales(
            @Parameter(description = "First day, ISO date, inclusive") @RestQuery String from,
            @Parameter(description = "Last day, ISO date, inclusive") @RestQuery String to,
            @Parameter(description = "none or png (default)") @RestQuery String charts) {
        return analytics.salesSummary(from, to, charts).map(AnalyticsRoutes::toResponse);
    }

    @GET
    @Path("api/v1/analytics/sales/summary")
    @Operation(summary = "Sales: monthly trend and payment-mode share with charts")
    @APIResponse(responseCode = "200", description = "Numbers as JSON and, unless charts=none, PNG charts in base64")
    public Uni<Response> salesSummary(@RestQuery String from, @RestQuery String to, @RestQuery String charts) {
        return sales(from, to, charts);
    }

    static Response toResponse(UpstreamResponse upstream) {
        return Response.status(upstream.status()).type(upstream.mediaType()).entity(upstream.body()).build();
    }
}
