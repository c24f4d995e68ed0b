package io.storefront.gateway.rest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Requests for a customer's personal data, for Prometheus: by request (export, erasure) and by whether every
 * service did its part. An incomplete erasure must be sent again, and an alert says so.
 */
@ApplicationScoped
public class PersonalDataRequests {

    private final MeterRegistry registry;

    public PersonalDataRequests(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Every series at 0 from the start, not from the routes' first request (when they are created), so that the
     * first incomplete erasure is an increase an alert sees.
     */
    void declare(@Observes StartupEvent event) {
        for (String request : List.of("export", "erasure")) {
            for (String outcome : List.of("complete", "incomplete")) counter(request, outcome);
        }
    }

    void count(String request, boolean complete) {
        counter(request, complete ? "complete" : "incomplete").increment();
    }

    private Counter counter(String request, String outcome) {
        return Counter.builder("storefront.personal.data.requests")
                .description("Requests for a customer's personal data (export, erasure) by whether every service did its part")
                .tags("request", request, "outcome", outcome)
                .register(registry);
    }
}
