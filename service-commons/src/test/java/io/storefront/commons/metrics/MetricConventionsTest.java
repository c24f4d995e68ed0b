package io.storefront.commons.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MetricConventionsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    MetricConventionsTest() {
        MetricConventions conventions = new MetricConventions();
        registry.config().meterFilter(conventions.requestsRefusedBeforeRouting()).meterFilter(conventions.requestLatencyBuckets());
    }

    private Timer request(String method, String status, String uri) {
        return Timer.builder("http.server.requests").tags("method", method, "status", status, "uri", uri).register(registry);
    }

    @Test
    void refusedRequestsAreLabelledByStatusAndRoutedOnesByTheirRoute() {
        for (int i = 0; i < 50; i++) {
            request("GET", "401", "/api/v1/recommendations/users/C" + i).record(Duration.ofMillis(1));
            request("DELETE", "405", "/api/v1/catalog/products/P" + i).record(Duration.ofMillis(1));
        }
        request("GET", "200", "/api/v1/recommendations/users/{userId}").record(Duration.ofMillis(3));
        request("GET", "404", "/api/v1/catalog/products/{productId}").record(Duration.ofMillis(3));

        Set<String> uris = registry.find("http.server.requests").timers().stream().map(t -> t.getId().getTag("uri"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("UNAUTHORIZED", "METHOD_NOT_ALLOWED", "/api/v1/recommendations/users/{userId}",
                "/api/v1/catalog/products/{productId}"), uris);
        assertEquals(50, registry.get("http.server.requests").tag("uri", "UNAUTHORIZED").timer().count());
    }

    @Test
    void requestTimersHaveTheBucketsOfTheTargets() {
        Timer timer = request("POST", "200", "/api/v1/sentiment");
        timer.record(Duration.ofMillis(7));
        timer.record(Duration.ofMillis(15));
        CountAtBucket[] buckets = timer.takeSnapshot().histogramCounts();
        assertEquals(MetricConventions.LATENCY_BUCKETS.length, buckets.length);
        assertEquals(Duration.ofMillis(10).toNanos(), buckets[1].bucket(), 1);
        assertEquals(1.0, buckets[1].count(), "7 ms is under 10 ms");
        assertEquals(2.0, buckets[2].count(), "both are under 20 ms");
        Timer other = Timer.builder("storefront.job.duration").register(registry);
        other.record(Duration.ofSeconds(1));
        assertTrue(Arrays.stream(other.takeSnapshot().histogramCounts()).findAny().isEmpty(), "jobs keep count, sum and max");
    }
}
