package io.storefront.analytics.rest;

import io.smallrye.mutiny.Uni;
import io.storefront.analytics.chart.ChartFormat;
import io.storefront.analytics.chart.RenderedChart;
import io.storefront.analytics.service.SalesService;
import io.storefront.commons.problem.Problem;
import io.storefront.commons.query.DateRangeQuery;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.storefront.analytics.domain.Breakdown;
import io.storefront.analytics.domain.SalesFilter;
import jakarta.ws.rs.BeanParam;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final ConditionalViews views;

    public SalesResource(SalesService sales, ConditionalViews views) {
        this.sales = sales;
        this.views = views;
    }

    private static final String FROM = ViewParams.FROM;
    private static final String TO = ViewParams.TO;
    private static final String CHARTS = ViewParams.CHARTS;

    @GET
    @Path("/summary")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Monthly sales trend and payment-mode share, with charts (the original sales page)")
    @APIResponse(responseCode = "200", description = "Numbers and (unless charts=none) charts in base64; ETag and Cache-Control set",
            content = @Content(schema = @Schema(implementation = SalesSummaryResponse.class)))
    @APIResponse(responseCode = "304", description = "The client's copy (If-None-Match) is current")
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> summary(@Parameter(description = FROM) @RestQuery String from,
                                 @Parameter(description = TO) @RestQuery String to,
                                 @BeanParam FilterParams filters,
                                 @Parameter(description = CHARTS) @RestQuery String charts,
                                 @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        DateRangeQuery range = DateRangeQuery.parse(from, to);
        SalesFilter filter = filters.filter();
        ChartFormat format = ChartFormat.parse(charts);
        return views.respond("sales-summary", ifNoneMatch, new Object[] {range, filter, format}, version ->
                sales.summary(version, range, filter, format).map(s -> json(SalesSummaryResponse.from(s, sales.currency()))));
    }

    @GET
    @Path("/trend")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revenue, orders, units, profit and margin by day, week or month, with the year before "
            + "and (monthly) a 3-month forecast with a 95 % prediction interval")
    @APIResponse(responseCode = "200", description = "The series; charts sales-trend and order-volume",
            content = @Content(schema = @Schema(implementation = SalesTrendResponse.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid, or the range is too long for the interval",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> trend(@Parameter(description = FROM) @RestQuery String from,
                               @Parameter(description = TO) @RestQuery String to,
                               @Parameter(description = "day (at most 366 days), week (at most 520 weeks) or month (default)")
                               @RestQuery String interval,
                               @BeanParam FilterParams filters,
                               @Parameter(description = CHARTS) @RestQuery String charts,
                               @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        DateRangeQuery range = DateRangeQuery.parse(from, to);
        SalesFilter filter = filters.filter();
        Breakdown by = ViewParams.interval(interval);
        ChartFormat format = ChartFormat.parse(charts);
        return views.respond("sales-trend", ifNoneMatch, new Object[] {range, filter, by, format}, version ->
                sales.trend(version, range, filter, by, format).map(t -> json(SalesTrendResponse.from(t, sales.currency()))));
    }

    @GET
    @Path("/payment-modes")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sales per payment mode: shares by revenue and by orders, with two donut charts")
    @APIResponse(responseCode = "200", description = "One group per payment mode; charts payment-modes-revenue and payment-modes-orders",
            content = @Content(schema = @Schema(implementation = SalesBreakdownResponse.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> paymentModes(@Parameter(description = FROM) @RestQuery String from,
                                      @Parameter(description = TO) @RestQuery String to,
                                      @BeanParam FilterParams filters,
                                      @Parameter(description = CHARTS) @RestQuery String charts,
                                      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        DateRangeQuery range = DateRangeQuery.parse(from, to);
        SalesFilter filter = filters.filter();
        ChartFormat format = ChartFormat.parse(charts);
        return views.respond("sales-payment-modes", ifNoneMatch, new Object[] {range, filter, format}, version ->
                sales.paymentModes(version, range, filter, format).map(p -> json(SalesBreakdownResponse.from(p, sales.currency()))));
    }

    @GET
    @Path("/regions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sales per state; with a state filter, per city of that state")
    @APIResponse(responseCode = "200", description = "One group per state or city, largest revenue first; chart regions",
            content = @Content(schema = @Schema(implementation = SalesBreakdownResponse.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> regions(@Parameter(description = FROM) @RestQuery String from,
                                 @Parameter(description = TO) @RestQuery String to,
                                 @BeanParam FilterParams filters,
                                 @Parameter(description = CHARTS) @RestQuery String charts,
                                 @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        DateRangeQuery range = DateRangeQuery.parse(from, to);
        SalesFilter filter = filters.filter();
        ChartFormat format = ChartFormat.parse(charts);
        return views.respond("sales-regions", ifNoneMatch, new Object[] {range, filter, format}, version ->
                sales.regions(version, range, filter, format).map(p -> json(SalesBreakdownResponse.from(p, sales.currency()))));
    }

    @GET
    @Path("/profit")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Profit and margin per category or sub-category, loss-making ones flagged, worst first")
    @APIResponse(responseCode = "200", description = "One group per category or sub-category; chart profit",
            content = @Content(schema = @Schema(implementation = SalesBreakdownResponse.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> profit(@Parameter(description = FROM) @RestQuery String from,
                                @Parameter(description = TO) @RestQuery String to,
                                @Parameter(description = "category (default) or sub-category") @RestQuery String by,
                                @BeanParam FilterParams filters,
                                @Parameter(description = CHARTS) @RestQuery String charts,
                                @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        DateRangeQuery range = DateRangeQuery.parse(from, to);
        SalesFilter filter = filters.filter();
        Breakdown breakdown = ViewParams.profitBy(by);
        ChartFormat format = ChartFormat.parse(charts);
        return views.respond("sales-profit", ifNoneMatch, new Object[] {range, filter, breakdown, format}, version ->
                sales.profit(version, range, filter, breakdown, format).map(p -> json(SalesBreakdownResponse.from(p, sales.currency()))));
    }

    @GET
    @Path("/dimensions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The categories with their sub-categories, states with their cities, payment modes and date range "
            + "in the imported data: the values the filters accept")
    public Uni<Response> dimensions(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return views.respond("sales-dimensions", ifNoneMatch, new Object[0], version ->
                sales.dimensions(version).map(d -> json(DimensionsResponse.from(d))));
    }

    @GET
    @Path("/charts/{file}")
    @Produces({"image/png", "image/svg+xml"})
    @Operation(summary = "One chart of a sales view as an image, for <img src>; takes the view's parameters. Charts: "
            + "monthly-sales, payment-modes (summary); sales-trend, order-volume (trend); payment-modes-revenue, "
            + "payment-modes-orders; regions; profit. Extension .png or .svg")
    @APIResponse(responseCode = "200", description = "The image; ETag and Cache-Control set")
    @APIResponse(responseCode = "304", description = "The client's copy (If-None-Match) is current")
    @APIResponse(responseCode = "404", description = "No such chart",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> chart(@Parameter(description = "e.g. sales-trend.png") @RestPath String file,
                               @RestQuery String from, @RestQuery String to, @RestQuery String interval,
                               @RestQuery String by, @BeanParam FilterParams filters,
                               @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ConditionalViews.ChartFile chart = ConditionalViews.ChartFile.parse(file, CHART_VIEWS.keySet());
        String name = chart.name(), view = CHART_VIEWS.get(name);
        ChartFormat format = chart.format();
        DateRangeQuery range = DateRangeQuery.parse(from, to);
        SalesFilter filter = filters.filter();
        Breakdown breakdown = switch (view) {
            case "trend" -> ViewParams.interval(interval);
            case "profit" -> ViewParams.profitBy(by);
            default -> Breakdown.TOTAL;
        };
        return views.respond("sales-chart-" + name, ifNoneMatch, new Object[] {range, filter, breakdown, format}, version -> {
            Uni<List<RenderedChart>> charts = switch (view) {
                case "summary" -> sales.summary(version, range, filter, format).map(s -> s.charts());
                case "trend" -> sales.trend(version, range, filter, breakdown, format).map(t -> t.charts());
                case "payment-modes" -> sales.paymentModes(version, range, filter, format).map(p -> p.charts());
                case "regions" -> sales.regions(version, range, filter, format).map(p -> p.charts());
                default -> sales.profit(version, range, filter, breakdown, format).map(p -> p.charts());
            };
            return charts.map(chart::image);
        });
    }

    /** Which view draws each chart. */
    private static final Map<String, String> CHART_VIEWS = new LinkedHashMap<>();
    static {
        CHART_VIEWS.put("monthly-sales", "summary");
        CHART_VIEWS.put("payment-modes", "summary");
        CHART_VIEWS.put("sales-trend", "trend");
        CHART_VIEWS.put("order-volume", "trend");
        CHART_VIEWS.put("payment-modes-revenue", "payment-modes");
        CHART_VIEWS.put("payment-modes-orders", "payment-modes");
        CHART_VIEWS.put("regions", "regions");
        CHART_VIEWS.put("profit", "profit");
    }

    private static Response.ResponseBuilder json(Object body) {
        return ConditionalViews.json(body);
    }


}
