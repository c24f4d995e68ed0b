package io.storefront.analytics.rest;

import io.smallrye.mutiny.Uni;
import io.storefront.analytics.chart.ChartFormat;
import io.storefront.analytics.chart.RenderedChart;
import io.storefront.analytics.config.AnalyticsConfig;
import io.storefront.analytics.service.SalesService;
import io.storefront.commons.http.Conditional;
import io.storefront.commons.problem.Problem;
import io.storefront.commons.problem.ProblemException;
import io.storefront.commons.query.DateRangeQuery;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/sales")
@Tag(name = "Sales")
public class SalesResource {

    private final SalesService sales;
    private final CacheControl cacheControl;

    public SalesResource(SalesService sales, AnalyticsConfig config) {
        this.sales = sales;
        this.cacheControl = Conditional.publicFor(config.cacheMaxAge());
    }

    @GET
    @Path("/summary")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Monthly sales trend and payment-mode share, with charts")
    @APIResponse(responseCode = "200", description = "Numbers and (unless charts=none) charts in base64; ETag and Cache-Control set",
            content = @Content(schema = @Schema(implementation = SalesSummaryResponse.class)))
    @APIResponse(responseCode = "304", description = "The client's copy (If-None-Match) is current")
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> summary(
            @Parameter(description = "First day, ISO date, inclusive; default: first day with orders") @RestQuery String from,
            @Parameter(description = "Last day, ISO date, inclusive; default: last day with orders") @RestQuery String to,
            @Parameter(description = "none, png (default) or svg") @RestQuery String charts,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        DateRangeQuery range = DateRangeQuery.parse(from, to);
        ChartFormat format = ChartFormat.parse(charts);
        return conditional("sales-summary", ifNoneMatch, new Object[] {range, format}, version ->
                sales.summary(version, range, format).map(s -> Response
                        .ok(SalesSummaryResponse.from(s, sales.currency()), MediaType.APPLICATION_JSON_TYPE)));
    }

    @GET
    @Path("/charts/{file}")
    @Produces({"image/png", "image/svg+xml"})
    @Operation(summary = "One chart of the sales summary as an image, for <img src>: monthly-sales or payment-modes, .png or .svg")
    @APIResponse(responseCode = "200", description = "The image; ETag and Cache-Control set")
    @APIResponse(responseCode = "304", description = "The client's copy (If-None-Match) is current")
    @APIResponse(responseCode = "404", description = "No such chart",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> chart(
            @Parameter(description = "e.g. monthly-sales.png") @RestPath String file,
            @RestQuery String from, @RestQuery String to,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        int dot = file.lastIndexOf('.');
        ChartFormat format = dot < 0 ? null : ChartFormat.ofExtension(file.substring(dot + 1));
        if (format == null) {
            throw ProblemException.notFound("No chart " + file + ": charts are served as <name>.png or <name>.svg");
        }
        String name = file.substring(0, dot);
        DateRangeQuery range = DateRangeQuery.parse(from, to);
        return conditional("sales-chart-" + name, ifNoneMatch, new Object[] {range, format}, version ->
                sales.summary(version, range, format).map(s -> {
                    RenderedChart chart = s.charts().stream().filter(c -> c.name().equals(name)).findFirst()
                            .orElseThrow(() -> ProblemException.notFound("No chart named " + name
                                    + " in the sales summary (monthly-sales, payment-modes)"));
                    return Response.ok(chart.bytes(), chart.mediaType()).header("Content-Disposition",
                            "inline; filename=\"" + name + "." + format.extension() + "\"");
                }));
    }

    /**
     * Conditional GET of a view at the current data version: 304 when the client's ETag matches,
     * otherwise the response {@code render} builds, with ETag and Cache-Control added.
     */
    private Uni<Response> conditional(String view, String ifNoneMatch, Object[] parameters,
                                      Function<Long, Uni<Response.ResponseBuilder>> render) {
        return sales.dataVersion().chain(version -> {
            EntityTag tag = Conditional.etag(view, version, parameters);
            if (Conditional.matches(ifNoneMatch, tag)) {
                return Uni.createFrom().item(Conditional.notModified(tag, cacheControl));
            }
            return render.apply(version).map(builder -> builder.tag(tag).cacheControl(cacheControl).build());
        });
    }
}
