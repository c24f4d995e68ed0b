package io.storefront.analytics.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * After an import commits, reads what the views keep in memory per data version (filter values,
 * customer snapshot and cohorts, product months), so that the first analyst after an import does not
 * wait for it. Other replicas load on their first request.
 */
@ApplicationScoped
public class ViewWarmer {

    private static final Logger LOG = Logger.getLogger(ViewWarmer.class);

    private final SalesService sales;
    private final ProductService products;
    private final CustomerService customers;

    public ViewWarmer(SalesService sales, ProductService products, CustomerService customers) {
        this.sales = sales;
        this.products = products;
        this.customers = customers;
    }

    /** Starts warming and returns at once; a failure only costs the first request its speed. */
    public void warm(long version) {
        long started = System.nanoTime();
        Uni.combine().all().unis(sales.dimensions(version), products.months(version), customers.warm(version))
                .discardItems()
                .subscribe().with(
                        ok -> LOG.debugf("views warmed for data version %d in %d ms", version,
                                (System.nanoTime() - started) / 1_000_000),
                        e -> LOG.warnf("warming the views for data version %d failed: %s", version, e.getMessage()));
    }
}
