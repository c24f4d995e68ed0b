package io.storefront.commons.metrics;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * What {@link MetricConventions} add to a request: the Prometheus registry the services export with, a request
 * recorded as Quarkus' HTTP binder does (build the id, look the timer up, record), with and without the
 * conventions. A benchmark, not a test: {@code bench/metrics-cost.sh}.
 */
public final class RequestMetricsCost {

    private static final int REQUESTS = 2_000_000;

    public static void main(String[] args) {
        for (int round = 1; round <= 3; round++) {
            System.out.printf("round %d: %.0f ns a request without the conventions, %.0f ns with them%n", round,
                    nanosPerRequest(false), nanosPerRequest(true));
        }
    }

    private static double nanosPerRequest(boolean conventions) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        if (conventions) {
            MetricConventions c = new MetricConventions();
            registry.config().meterFilter(c.requestsRefusedBeforeRouting()).meterFilter(c.requestLatencyBuckets());
        }
        long took = 0;
        for (int pass = 0; pass < 2; pass++) { // the first pass warms the JIT up
            long start = System.nanoTime();
            for (int i = 0; i < REQUESTS; i++) {
                String status = i % 50 == 0 ? "401" : "200";
                Timer.builder("http.server.requests")
                        .tags("method", "POST", "uri", status.equals("401") ? "/api/v1/x" + (i % 7) : "/api/v1/sentiment",
                                "status", status, "outcome", status.equals("401") ? "CLIENT_ERROR" : "SUCCESS")
                        .register(registry)
                        .record(Duration.ofNanos(1_000_000 + (i % 1000) * 10_000L));
            }
            took = System.nanoTime() - start;
        }
        return (double) took / REQUESTS;
    }
}
