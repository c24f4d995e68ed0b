package io.storefront.gateway.client;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.storefront.gateway.resilience.CircuitBreaker;
import io.storefront.gateway.resilience.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the guards in front of the services saw, for Prometheus: calls by how they ended (a service that times
 * out or whose circuit is open fails its routes long before its own metrics say anything, if it can still
 * say anything), calls in flight against the bulkhead, and each circuit's state.
 */
@ApplicationScoped
public class UpstreamMetrics {

    private final List<Meter> meters = new ArrayList<>();
    private MeterRegistry registry;

    void register(@Observes StartupEvent event, MeterRegistry registry, AnalyticsClient analytics,
                  SentimentClient sentiment, RecommenderClient recommender) {
        this.registry = registry;
        for (Guard guard : List.of(analytics.guard(), sentiment.guard(), recommender.guard())) {
            for (Guard.Outcome outcome : Guard.Outcome.values()) {
                meters.add(FunctionCounter.builder("storefront.gateway.upstream.calls", guard, g -> g.count(outcome))
                        .description("Calls from the gateway to a service, by how they ended")
                        .tags("service", guard.service(), "outcome", outcome.name().toLowerCase(Locale.ROOT))
                        .register(registry));
            }
            meters.add(Gauge.builder("storefront.gateway.upstream.in.flight", guard, Guard::inFlight)
                    .description("Calls to a service under way (the bulkhead refuses more than gateway.<service>.max-concurrent)")
                    .tag("service", guard.service())
                    .register(registry));
            for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
                meters.add(Gauge.builder("storefront.gateway.circuit.state", guard, g -> g.state() == state ? 1 : 0)
                        .description("1 for the state the circuit breaker in front of a service is in, else 0")
                        .tags("service", guard.service(), "state", state.name().toLowerCase(Locale.ROOT))
                        .register(registry));
            }
        }
    }

    /** The meters read this instance's guards; a registry that outlives them (tests restart the app) must not keep them. */
    void remove(@Observes ShutdownEvent event) {
        if (registry != null) meters.forEach(registry::remove);
    }
}
