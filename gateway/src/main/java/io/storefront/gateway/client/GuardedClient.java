package io.storefront.gateway.client;

import io.smallrye.mutiny.Uni;
import io.storefront.gateway.resilience.Guard;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * What every client of a service behind the gateway shares: calls go through the service's
 * {@link Guard}; 4xx answers are results, passed on, and neither trip the breaker nor get retried.
 * Subclasses are {@code @Singleton}: a client proxy would need a no-args constructor.
 */
abstract class GuardedClient {

    private final String service;
    private final Guard guard;
    private final PersonalDataRestClient personalData;

    GuardedClient(String service, Guard.Limits limits, PersonalDataRestClient personalData) {
        this.service = service;
        this.guard = new Guard(service, limits);
        this.personalData = personalData;
    }

    Uni<UpstreamResponse> call(Supplier<Uni<Response>> request, boolean idempotent) {
        return guard.call(() -> request.get().map(r -> UpstreamResponse.passOn(service, r)), idempotent);
    }

    /** Everything this service holds about a customer. */
    public Uni<UpstreamResponse> personalData(String customerId) {
        return call(() -> personalData.personalData(customerId), true);
    }

    /** Forgets a customer in this service; idempotent, so retried. */
    public Uni<UpstreamResponse> erasePersonalData(String customerId) {
        return call(() -> personalData.erasePersonalData(customerId), true);
    }

    public Guard guard() {
        return guard;
    }
}
