package io.storefront.analytics.rest;

import io.smallrye.mutiny.Uni;
import io.storefront.analytics.chart.ChartFormat;
import io.storefront.analytics.chart.RenderedChart;
import io.storefront.analytics.domain.Breakdown;
import io.storefront.analytics.domain.SalesFilter;
import io.storefront.analytics.domain.ProductMonths.Metric;
import io.storefront.analytics.service.ProductService;
import io.storefront.analytics.service.SalesService;
import io.storefront.commons.problem.Problem;
import io.storefront.commons.problem.ProblemException;
import io.storefront.commons.query.DateRangeQuery;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Product views: top products, category treemaps, average order value. */
@Path("/api/v1/products")
@Tag(name = "Products")
public class ProductResource {

    private static final String FROM = ViewParams.FROM;
    private static final String TO = ViewParams.TO;
    private static final String CHARTS = ViewParams.CHARTS;

    private final ProductService products;
    private final SalesService sales;
    private final ConditionalViews views;

    public ProductResource(ProductService products, SalesService sales, ConditionalViews views) {
        this.products = products;
        this.sales = sales;
        this.views = views;
    }

    @GET
    @Path("/top")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Top products by revenue, units or profit, for whole months; category and sub-category filters")
    @APIResponse(responseCode = "200", description = "The ranking; chart top-products",
            content = @Content(schema = @Schema(implementation = ProductResponses.TopProductsResponse.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> top(@Parameter(description = FROM) @RestQuery String from,
                             @Parameter(description = TO) @RestQuery String to,
                             @Parameter(description = "revenue (default), units or profit") @RestQuery String by,
                             @Parameter(description = "how many, 1 to 100 (default 10)") @RestQuery String limit,
                             @BeanParam FilterParams filters,
                             @Parameter(description = CHARTS) @RestQuery String charts,
                             @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        DateRangeQuery range = DateRangeQuery.parse(from, to);
        SalesFilter filter = filters.filter();
        Metric metric = metric(by);
        int n = ViewParams.limit(limit);
        ChartFormat format = ChartFormat.parse(charts);
        return views.respond("products-top", ifNoneMatch, new Object[] {range, filter, metric, n, format}, version ->
                products.top(version, range, filter, metric, n, format)
                        .map(t -> ConditionalViews.json(ProductResponses.TopProductsResponse.from(t, sales.currency()))));
    }

    @GET
    @Path("/treemap")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Squarified treemap of revenue (area) and margin (colour) by category or by sub-category")
    @APIResponse(responseCode = "200", description = "The groups; chart treemap",
            content = @Content(schema = @Schema(implementation = SalesBreakdownResponse.class)))
    public Uni<Response> treemap(@Parameter(description = FROM) @RestQuery String from,
                                 @Parameter(description = TO) @RestQuery String to,
                                 @Parameter(description = "sub-category (default) or category") @RestQuery String level,
                                 @BeanParam FilterParams filters,
                                 @Parameter(description = CHARTS) @RestQuery String charts,
                                 @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        DateRangeQuery range = DateRangeQuery.parse(from, to);
        SalesFilter filter = filters.filter();
        Breakdown by = ViewParams.treemapLevel(level);
        ChartFormat format = ChartFormat.parse(charts);
        return views.respond("products-treemap", ifNoneMatch, new Object[] {range, filter, by, format}, version ->
                sales.treemap(version, range, filter, by, format)
                        .map(p -> ConditionalViews.json(SalesBreakdownResponse.from(p, sales.currency()))));
    }

    @GET
    @Path("/average-order-value")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Average order value overall, by month, by category and by payment mode")
    @APIResponse(responseCode = "200", description = "The values; charts aov-monthly, aov-by-category",
            content = @Content(schema = @Schema(implementation = ProductResponses.AverageOrderValueResponse.class)))
    public Uni<Response> averageOrderValue(@Parameter(description = FROM) @RestQuery String from,
                                           @Parameter(description = TO) @RestQuery String to,
                                           @BeanParam FilterParams filters,
                                           @Parameter(description = CHARTS) @RestQuery String charts,
                                           @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        DateRangeQuery range = DateRangeQuery.parse(from, to);
        SalesFilter filter = filters.filter();
        ChartFormat format = ChartFormat.parse(charts);
        return views.respond("products-aov", ifNoneMatch, new Object[] {range, filter, format}, version ->
                sales.averageOrderValue(version, range, filter, format)
                        .map(a -> ConditionalViews.json(ProductResponses.AverageOrderValueResponse.from(a, sales.currency()))));
    }

    @GET
    @Path("/charts/{file}")
    @Produces({"image/png", "image/svg+xml"})
    @Operation(summary = "One chart of a product view as an image, with the view's parameters: top-products, treemap, "
            + "aov-monthly, aov-by-category; .png or .svg")
    @APIResponse(responseCode = "200", description = "The image; ETag and Cache-Control set")
    @APIResponse(responseCode = "404", description = "No such chart",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> chart(@RestPath String file, @RestQuery String from, @RestQuery String to,
                               @RestQuery String by, @RestQuery String limit, @RestQuery String level,
                               @BeanParam FilterParams filters, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ConditionalViews.ChartFile chart = ConditionalViews.ChartFile.parse(file, CHART_VIEWS.keySet());
        String view = CHART_VIEWS.get(chart.name());
        ChartFormat format = chart.format();
        DateRangeQuery range = DateRangeQuery.parse(from, to);
        SalesFilter filter = filters.filter();
        Metric metric = metric(by);
        int n = ViewParams.limit(limit);
        Breakdown treemapLevel = ViewParams.treemapLevel(level);
        return views.respond("products-chart-" + chart.name(), ifNoneMatch,
                new Object[] {range, filter, metric, n, treemapLevel, format}, version -> {
                    Uni<List<RenderedChart>> charts = switch (view) {
                        case "top" -> products.top(version, range, filter, metric, n, format).map(t -> t.charts());
                        case "treemap" -> sales.treemap(version, range, filter, treemapLevel, format).map(p -> p.charts());
                        default -> sales.averageOrderValue(version, range, filter, format).map(a -> a.charts());
                    };
                    return charts.map(chart::image);
                });
    }

    private static final Map<String, String> CHART_VIEWS = new LinkedHashMap<>();
    static {
        CHART_VIEWS.put("top-products", "top");
        CHART_VIEWS.put("treemap", "treemap");
        CHART_VIEWS.put("aov-monthly", "average-order-value");
        CHART_VIEWS.put("aov-by-category", "average-order-value");
    }

    private static Metric metric(String by) {
        if (by == null || by.isBlank()) return Metric.REVENUE;
        try {
            return Metric.valueOf(by.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("by", "must be one of " + Arrays.stream(Metric.values())
                    .map(m -> m.name().toLowerCase(Locale.ROOT)).toList());
        }
    }
}
