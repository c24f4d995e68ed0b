package io.storefront.analytics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "analytics")
public interface AnalyticsConfig {

    /** Currency code shown on charts and in responses (amounts are stored as imported). */
    @WithDefault("INR")
    String currency();

    /** Order lines per database round trip during imports. */
    @WithDefault("10000")
    int importBatchSize();
}
