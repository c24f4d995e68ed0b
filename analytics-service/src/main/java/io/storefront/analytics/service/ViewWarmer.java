package io.storefront.analytics.service;

import io.smallrye.mutiny.Uni;
import io.storefront.analytics.chart.ChartFormat;
import io.storefront.analytics.domain.Breakdown;
import io.storefront.analytics.domain.ProductMonths;
import io.storefront.analytics.domain.SalesFilter;
import io.storefront.commons.query.DateRangeQuery;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * After an import commits, and when the service starts, reads what the views keep in memory per data
 * version (filter values, customer snapshot and cohorts, product months) and computes the views a
 * dashboard opens with, so that the first analyst after an import or a deploy does not wait for them
 * (at 1M order lines the first dashboard after a start took 6 s). Replicas that did not run the import
 * load on their first request.
 */
@ApplicationScoped
public class ViewWarmer {

    private static final Logger LOG = Logger.getLogger(ViewWarmer.class);

    private final SalesService sales;
    private final ProductService products;
    private final CustomerService customers;
    private final NewestOnly warming = new NewestOnly(this::warmNow);

    public ViewWarmer(SalesService sales, ProductService products, CustomerService customers) {
        this.sales = sales;
        this.products = products;
        this.customers = customers;
    }

    void onStart(@Observes StartupEvent start) {
        sales.dataVersion().subscribe().with(this::warm,
                e -> LOG.warnf("could not read the data version to warm the views: %s", e.getMessage()));
    }

    /**
     * Starts warming and returns at once; a failure only costs the first request its speed. Besides the
     * in-memory data, the views a dashboard opens with (default range, no filter, PNG charts) are computed
     * into the cache, one after another so as not to crowd out requests. One warming runs at a time, for the
     * newest version asked for: versions that changed while it ran are not warmed, since nobody reads them any
     * more (20 erasures in a row at 1M order lines warmed 20 versions at once, each for 15 to 25 s).
     */
    public void warm(long version) {
        warming.ask(version);
    }

    private Uni<Void> warmNow(long version) {
        long started = System.nanoTime();
        DateRangeQuery all = DateRangeQuery.parse(null, null);
        SalesFilter none = SalesFilter.NONE;
        ChartFormat png = ChartFormat.PNG;
        return Uni.combine().all().unis(sales.dimensions(version), products.months(version)).discardItems()
                .chain(() -> sales.summary(version, all, none, png))
                .chain(() -> sales.trend(version, all, none, Breakdown.MONTH, png))
                .chain(() -> sales.paymentModes(version, all, none, png))
                .chain(() -> sales.regions(version, all, none, png))
                .chain(() -> sales.profit(version, all, none, Breakdown.CATEGORY, png))
                .chain(() -> sales.profit(version, all, none, Breakdown.SUB_CATEGORY, png))
                .chain(() -> sales.treemap(version, all, none, Breakdown.SUB_CATEGORY, png))
                .chain(() -> sales.averageOrderValue(version, all, none, png))
                .chain(() -> products.top(version, all, none, ProductMonths.Metric.REVENUE, 10, png))
                .chain(() -> customers.warm(version))
                .invoke(() -> LOG.infof("views warmed for data version %d in %d ms", version,
                        (System.nanoTime() - started) / 1_000_000))
                .replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    // a store too small for a view (clustering wants 3 customers) is not a fault
                    if (e instanceof io.storefront.commons.problem.ProblemException) {
                        LOG.debugf("views for data version %d warmed in part: %s", version, e.getMessage());
                    } else {
                        LOG.warnf("warming the views for data version %d failed: %s", version, e.getMessage());
                    }
                    return null;
                });
    }
}
