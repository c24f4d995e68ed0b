package io.storefront.analytics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "analytics")
public interface AnalyticsConfig {

    /** Currency code shown on charts and in responses (amounts are stored as imported). */
    @WithDefault("INR")
    String currency();

    /** Computed views (numbers and charts) kept in memory, keyed by query and data version. */
    @WithDefault("512")
    int viewCacheEntries();

    /** How long clients and CDNs may reuse a view without asking again (they revalidate by ETag after). */
    @WithDefault("60s")
    java.time.Duration cacheMaxAge();

    /** Order lines per COPY during imports (the next batch is read while one is written). */
    @WithDefault("10000")
    int importBatchSize();

    /**
     * Rollup cells an import sums in memory before handing them to the database, which adds the parts
     * up (bounds an import's memory; about 200 bytes a cell).
     */
    @WithDefault("200000")
    int importSumsFlushAt();
}
