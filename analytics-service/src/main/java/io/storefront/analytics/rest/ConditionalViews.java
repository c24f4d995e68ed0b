package io.storefront.analytics.rest;

import io.smallrye.mutiny.Uni;
import io.storefront.analytics.config.AnalyticsConfig;
import io.storefront.analytics.service.SalesService;
import io.storefront.commons.http.Conditional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;

/** Conditional GET of any analytics view at the current data version, the one way every resource answers. */
@ApplicationScoped
public class ConditionalViews {

    private final SalesService sales;
    private final CacheControl cacheControl;

    public ConditionalViews(SalesService sales, AnalyticsConfig config) {
        this.sales = sales;
        this.cacheControl = Conditional.publicFor(config.cacheMaxAge());
    }

    /**
     * 304 when the client's ETag matches the view at the current data version, otherwise the response
     * {@code render} builds, with ETag and Cache-Control added.
     */
    public Uni<Response> respond(String view, String ifNoneMatch, Object[] parameters,
                                 Function<Long, Uni<Response.ResponseBuilder>> render) {
        return sales.dataVersion().chain(version -> {
            EntityTag tag = Conditional.etag(view, version, parameters);
            if (Conditional.matches(ifNoneMatch, tag)) {
                return Uni.createFrom().item(Conditional.notModified(tag, cacheControl));
            }
            return render.apply(version).map(builder -> builder.tag(tag).cacheControl(cacheControl).build());
        });
    }

    static Response.ResponseBuilder json(Object body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE);
    }

    /** A requested chart file: its name and image format. */
    record ChartFile(String name, io.storefront.analytics.chart.ChartFormat format) {

        /** {@code <name>.png|svg} where the name is one of {@code names}; otherwise a 404 listing them. */
        static ChartFile parse(String file, java.util.Collection<String> names) {
            int dot = file.lastIndexOf('.');
            io.storefront.analytics.chart.ChartFormat format = dot < 0 ? null
                    : io.storefront.analytics.chart.ChartFormat.ofExtension(file.substring(dot + 1));
            String name = dot < 0 ? file : file.substring(0, dot);
            if (format == null || !names.contains(name)) {
                throw io.storefront.commons.problem.ProblemException.notFound("No chart " + file + ": charts are "
                        + String.join(", ", names) + ", served as <name>.png or <name>.svg");
            }
            return new ChartFile(name, format);
        }

        /** The image among a view's charts, served inline under its file name. */
        Response.ResponseBuilder image(java.util.List<io.storefront.analytics.chart.RenderedChart> charts) {
            io.storefront.analytics.chart.RenderedChart chart = charts.stream().filter(c -> c.name().equals(name))
                    .findFirst().orElseThrow();
            return Response.ok(chart.bytes(), chart.mediaType()).header("Content-Disposition",
                    "inline; filename=\"" + name + "." + format.extension() + "\"");
        }
    }
}
