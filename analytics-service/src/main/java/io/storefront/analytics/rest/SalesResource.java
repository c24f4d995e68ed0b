package io.storefront.analytics.rest;

import io.smallrye.mutiny.Uni;
import io.storefront.analytics.service.ChartFormat;
import io.storefront.analytics.service.SalesService;
import io.storefront.commons.problem.Problem;
import io.storefront.commons.query.DateRangeQuery;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/sales")
@Tag(name = "Sales")
@Produces(MediaType.APPLICATION_JSON)
public class SalesResource {

    private final SalesService sales;

    public SalesResource(SalesService sales) {
        this.sales = sales;
    }

    @GET
    @Path("/summary")
    @Operation(summary = "Monthly sales trend and payment-mode share, with charts")
    @APIResponse(responseCode = "200", description = "Numbers and (unless charts=none) PNG charts in base64",
            content = @Content(schema = @Schema(implementation = SalesSummaryResponse.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SalesSummaryResponse> summary(
            @Parameter(description = "First day, ISO date, inclusive; default: first day with orders") @RestQuery String from,
            @Parameter(description = "Last day, ISO date, inclusive; default: last day with orders") @RestQuery String to,
            @Parameter(description = "none or png (default)") @RestQuery String charts) {
        DateRangeQuery range = DateRangeQuery.parse(from, to);
        ChartFormat format = ChartFormat.parse(charts);
        return sales.summary(range, format).map(s -> SalesSummaryResponse.from(s, sales.currency()));
    }
}
