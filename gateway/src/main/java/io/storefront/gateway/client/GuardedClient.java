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

    GuardedClient(String service, Guard.Limits limits) {
        this.service = service;
        this.guard = new Guard(service, limits);
    }

    Uni<UpstreamResponse> call(Supplier<Uni<Response>> request, boolean idempotent) {
        return guard.call(() -> request.get().map(r -> UpstreamResponse.passOn(service, r)), idempotent);
    }

    public Guard guard() {
        return guard;
    }
}
