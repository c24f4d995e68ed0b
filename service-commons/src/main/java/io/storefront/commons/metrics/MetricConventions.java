package io.storefront.commons.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * How every service's request timers are exported: with fixed histogram buckets, so that Prometheus can
 * compute percentiles over any window and across replicas ({@code histogram_quantile}); the default
 * exports only count, sum and max. The buckets bracket the suite's targets (sentiment p99 10 ms,
 * recommendations 20 ms, views and charts in the hundreds of ms) and the gateway's 10 s deadline; a fixed
 * few keep a series per route and status affordable, where Micrometer's percentile histogram has 70.
 */
@Singleton
public class MetricConventions {

    static final Duration[] LATENCY_BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    @Produces
    @Singleton
    MeterFilter requestLatencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests") && !id.getName().equals("http.client.requests")) {
                    return config;
                }
                double[] nanos = new double[LATENCY_BUCKETS.length];
                for (int i = 0; i < nanos.length; i++) nanos[i] = LATENCY_BUCKETS[i].toNanos();
                return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
            }
        };
    }
}
