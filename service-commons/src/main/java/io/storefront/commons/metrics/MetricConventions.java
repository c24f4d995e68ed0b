package io.storefront.commons.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;

/**
 * How every service's request timers are exported. With fixed histogram buckets, so that Prometheus can
 * compute percentiles over any window and across replicas ({@code histogram_quantile}); the default
 * exports only count, sum and max. The buckets bracket the suite's targets (sentiment p99 10 ms,
 * recommendations 20 ms, views and charts in the hundreds of ms) and the gateway's 10 s deadline; a fixed
 * few keep a series per route and status affordable, where Micrometer's percentile histogram has 70.
 * And with a bounded {@code uri} label (see {@link #requestsRefusedBeforeRouting}).
 */
@Singleton
public class MetricConventions {

    static final Duration[] LATENCY_BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    /**
     * Answers given before a route was chosen, labelled {@code uri} by the status as Micrometer does for 404
     * ({@code NOT_FOUND}): the access check (401, 403, 429), a method the path does not take (405), a body over the
     * limit (413). They carry the request's own path otherwise, so every refused id would add a series of 14 samples
     * to the service and to Prometheus, and fill Quarkus' cap of 100 uri values until real routes go unmeasured.
     */
    static final Map<String, String> REFUSED_BEFORE_ROUTING = Map.of("401", "UNAUTHORIZED", "403", "FORBIDDEN",
            "405", "METHOD_NOT_ALLOWED", "413", "CONTENT_TOO_LARGE", "429", "TOO_MANY_REQUESTS");

    @Produces
    @Singleton
    MeterFilter requestsRefusedBeforeRouting() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!id.getName().equals("http.server.requests")) return id;
                String refused = REFUSED_BEFORE_ROUTING.get(id.getTag("status"));
                if (refused == null) return id;
                return id.withTag(Tag.of("uri", refused));
            }
        };
    }

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
