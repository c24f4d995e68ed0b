package io.storefront.analytics.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Lookups of a view cache for Prometheus, by cache and result. Misses include the views warmed after each
 * import; a low hit ratio between imports means the cache ({@code analytics.view-cache-entries}) is too small for
 * the filters the dashboards ask for.
 */
final class ViewCacheMetrics {

    private ViewCacheMetrics() {
    }

    static ViewCache.Lookups lookups(MeterRegistry registry, String cache) {
        Counter hits = counter(registry, cache, "hit");
        Counter misses = counter(registry, cache, "miss");
        return hit -> (hit ? hits : misses).increment();
    }

    private static Counter counter(MeterRegistry registry, String cache, String result) {
        return Counter.builder("storefront.analytics.view.cache.lookups")
                .description("Lookups of the computed views cached per data version, by cache and result")
                .tags("cache", cache, "result", result)
                .register(registry);
    }
}
