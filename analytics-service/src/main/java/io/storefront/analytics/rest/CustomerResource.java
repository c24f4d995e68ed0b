package io.storefront.analytics.rest;

import io.smallrye.mutiny.Uni;
import io.storefront.analytics.chart.ChartFormat;
import io.storefront.analytics.chart.RenderedChart;
import io.storefront.analytics.service.CustomerService;
import io.storefront.analytics.service.SalesService;
import io.storefront.commons.problem.Problem;
import io.storefront.commons.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
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

/**
 * Customer views: value segments, RFM, behaviour clusters, purchase frequency, cohorts, one customer.
 * All over every order up to the last day with data; {@code state} narrows to the customers whose
 * latest order came from that state.
 */
@Path("/api/v1/customers")
@Tag(name = "Customers")
public class CustomerResource {

    private static final String STATE = "Only customers whose latest order came from this state";
    private static final String CHARTS = ViewParams.CHARTS;

    private final CustomerService customers;
    private final SalesService sales;
    private final ConditionalViews views;

    public CustomerResource(CustomerService customers, SalesService sales, ConditionalViews views) {
        this.customers = customers;
        this.sales = sales;
        this.views = views;
    }

    @GET
    @Path("/segments")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Low / Medium / High value segments (spend terciles, or fixed thresholds low and high)")
    @APIResponse(responseCode = "200", description = "Segments; charts value-segments, value-segments-revenue",
            content = @Content(schema = @Schema(implementation = CustomerResponses.SegmentsResponse.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> segments(@Parameter(description = STATE) @RestQuery String state,
                                  @Parameter(description = "quantile (default) or fixed") @RestQuery String thresholds,
                                  @Parameter(description = "fixed: the most a Low customer spent (default 1000)") @RestQuery String low,
                                  @Parameter(description = "fixed: the most a Medium customer spent (default 5000)") @RestQuery String high,
                                  @Parameter(description = CHARTS) @RestQuery String charts,
                                  @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String s = ViewParams.blankToNull(state);
        Long[] bounds = thresholds(thresholds, low, high);
        ChartFormat format = ChartFormat.parse(charts);
        return views.respond("customer-segments", ifNoneMatch, new Object[] {s, bounds[0], bounds[1], format}, version ->
                customers.segments(version, s, bounds[0], bounds[1], format)
                        .map(v -> ConditionalViews.json(CustomerResponses.SegmentsResponse.from(v, sales.currency()))));
    }

    @GET
    @Path("/rfm")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "RFM scores and named segments (Champions, Loyal, At risk, Hibernating …)")
    @APIResponse(responseCode = "200", description = "Segments and the R × F grid; charts rfm-segments, rfm-scatter",
            content = @Content(schema = @Schema(implementation = CustomerResponses.RfmResponse.class)))
    public Uni<Response> rfm(@Parameter(description = STATE) @RestQuery String state,
                             @Parameter(description = CHARTS) @RestQuery String charts,
                             @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String s = ViewParams.blankToNull(state);
        ChartFormat format = ChartFormat.parse(charts);
        return views.respond("customer-rfm", ifNoneMatch, new Object[] {s, format}, version ->
                customers.rfm(version, s, format)
                        .map(v -> ConditionalViews.json(CustomerResponses.RfmResponse.from(v, sales.currency()))));
    }

    @GET
    @Path("/clusters")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Behaviour clusters: k-means on standardised RFM features, k by silhouette unless given")
    @APIResponse(responseCode = "200", description = "Clusters described in words; chart clusters",
            content = @Content(schema = @Schema(implementation = CustomerResponses.ClustersResponse.class)))
    @APIResponse(responseCode = "400", description = "k out of range, or too few customers",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> clusters(@Parameter(description = STATE) @RestQuery String state,
                                  @Parameter(description = "number of clusters, 2 to 10; default: chosen by silhouette")
                                  @RestQuery String k,
                                  @Parameter(description = CHARTS) @RestQuery String charts,
                                  @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String s = ViewParams.blankToNull(state);
        Integer clusters = ViewParams.clusters(k);
        ChartFormat format = ChartFormat.parse(charts);
        return views.respond("customer-clusters", ifNoneMatch, new Object[] {s, clusters, format}, version ->
                customers.clusters(version, s, clusters, format)
                        .map(v -> ConditionalViews.json(CustomerResponses.ClustersResponse.from(v, sales.currency()))));
    }

    @GET
    @Path("/frequency")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Purchase frequency: orders per customer, days between a customer's orders, spend per customer")
    @APIResponse(responseCode = "200", description = "Distributions; charts orders-per-customer, days-between-orders, spend-per-customer",
            content = @Content(schema = @Schema(implementation = CustomerResponses.FrequencyResponse.class)))
    public Uni<Response> frequency(@Parameter(description = STATE) @RestQuery String state,
                                   @Parameter(description = CHARTS) @RestQuery String charts,
                                   @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String s = ViewParams.blankToNull(state);
        ChartFormat format = ChartFormat.parse(charts);
        return views.respond("customer-frequency", ifNoneMatch, new Object[] {s, format}, version ->
                customers.frequency(version, s, format)
                        .map(v -> ConditionalViews.json(CustomerResponses.FrequencyResponse.from(v, sales.currency()))));
    }

    @GET
    @Path("/cohorts")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Monthly cohort retention matrix with a heatmap")
    @APIResponse(responseCode = "200", description = "The last `months` cohorts; chart cohorts",
            content = @Content(schema = @Schema(implementation = CustomerResponses.CohortsResponse.class)))
    public Uni<Response> cohorts(@Parameter(description = STATE) @RestQuery String state,
                                 @Parameter(description = "cohorts (and months after) shown, 1 to 36, default 12")
                                 @RestQuery String months,
                                 @Parameter(description = CHARTS) @RestQuery String charts,
                                 @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String s = ViewParams.blankToNull(state);
        int count = ViewParams.cohortMonths(months);
        ChartFormat format = ChartFormat.parse(charts);
        return views.respond("customer-cohorts", ifNoneMatch, new Object[] {s, count, format}, version ->
                customers.cohorts(version, s, count, format)
                        .map(v -> ConditionalViews.json(CustomerResponses.CohortsResponse.from(v))));
    }

    @GET
    @Path("/profiles/{key}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One customer: figures, RFM scores and segment, months, favourite sub-categories, latest orders")
    @APIResponse(responseCode = "200", description = "The profile",
            content = @Content(schema = @Schema(implementation = CustomerResponses.ProfileResponse.class)))
    @APIResponse(responseCode = "404", description = "No such customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> profile(@Parameter(description = "the customer id, or the name where the data has no ids")
                                 @RestPath String key,
                                 @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return views.respond("customer-profile", ifNoneMatch, new Object[] {key}, version ->
                customers.profile(version, key).map(p -> ConditionalViews.json(CustomerResponses.ProfileResponse.from(p))));
    }

    @GET
    @Path("/charts/{file}")
    @Produces({"image/png", "image/svg+xml"})
    @Operation(summary = "One chart of a customer view as an image, with the view's parameters: value-segments, "
            + "value-segments-revenue, rfm-segments, rfm-scatter, clusters, orders-per-customer, days-between-orders, "
            + "spend-per-customer, cohorts; .png or .svg")
    @APIResponse(responseCode = "200", description = "The image; ETag and Cache-Control set")
    @APIResponse(responseCode = "404", description = "No such chart",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> chart(@RestPath String file, @RestQuery String state, @RestQuery String thresholds,
                               @RestQuery String low, @RestQuery String high, @RestQuery String k,
                               @RestQuery String months, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ConditionalViews.ChartFile chart = ConditionalViews.ChartFile.parse(file, CHART_VIEWS.keySet());
        String name = chart.name(), view = CHART_VIEWS.get(name);
        ChartFormat format = chart.format();
        String s = ViewParams.blankToNull(state);
        Long[] bounds = thresholds(thresholds, low, high);
        Integer clusters = ViewParams.clusters(k);
        int count = ViewParams.cohortMonths(months);
        return views.respond("customer-chart-" + name, ifNoneMatch,
                new Object[] {s, bounds[0], bounds[1], clusters, count, format}, version -> {
                    Uni<List<RenderedChart>> charts = switch (view) {
                        case "segments" -> customers.segments(version, s, bounds[0], bounds[1], format).map(v -> v.charts());
                        case "rfm" -> customers.rfm(version, s, format).map(v -> v.charts());
                        case "clusters" -> customers.clusters(version, s, clusters, format).map(v -> v.charts());
                        case "frequency" -> customers.frequency(version, s, format).map(v -> v.charts());
                        default -> customers.cohorts(version, s, count, format).map(v -> v.charts());
                    };
                    return charts.map(chart::image);
                });
    }

    private static final Map<String, String> CHART_VIEWS = new LinkedHashMap<>();
    static {
        CHART_VIEWS.put("value-segments", "segments");
        CHART_VIEWS.put("value-segments-revenue", "segments");
        CHART_VIEWS.put("rfm-segments", "rfm");
        CHART_VIEWS.put("rfm-scatter", "rfm");
        CHART_VIEWS.put("clusters", "clusters");
        CHART_VIEWS.put("orders-per-customer", "frequency");
        CHART_VIEWS.put("days-between-orders", "frequency");
        CHART_VIEWS.put("spend-per-customer", "frequency");
        CHART_VIEWS.put("cohorts", "cohorts");
    }

    /** {low, high} in cents for fixed thresholds, {null, null} for quantiles. */
    static Long[] thresholds(String method, String low, String high) {
        String m = method == null || method.isBlank() ? (low != null || high != null ? "fixed" : "quantile")
                : method.strip().toLowerCase(java.util.Locale.ROOT);
        switch (m) {
            case "quantile" -> {
                if (low != null || high != null) {
                    throw ProblemException.invalid("thresholds", "low and high go with thresholds=fixed");
                }
                return new Long[] {null, null};
            }
            case "fixed" -> {
                long l = money("low", low == null ? "1000" : low), h = money("high", high == null ? "5000" : high);
                if (h < l) {
                    throw ProblemException.invalid("high", "must not be below low (" + low + ")");
                }
                return new Long[] {l, h};
            }
            default -> throw ProblemException.invalid("thresholds", "must be quantile or fixed");
        }
    }

    private static long money(String field, String value) {
        try {
            BigDecimal amount = new BigDecimal(value.strip());
            if (amount.signum() < 0 || amount.scale() > 2 || amount.compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0) {
                throw new NumberFormatException();
            }
            return amount.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw ProblemException.invalid(field, "must be an amount of money, at least 0, at most 2 decimals");
        }
    }
}
