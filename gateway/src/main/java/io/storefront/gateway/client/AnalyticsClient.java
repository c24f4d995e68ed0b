package io.storefront.gateway.client;

import io.smallrye.mutiny.Uni;
import io.storefront.gateway.config.GatewayConfig;
import io.storefront.gateway.resilience.Guard;
import io.storefront.gateway.resilience.UpstreamFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Calls to the analytics service under a {@link Guard}, so that a slow or dead analytics service
 * cannot take the gateway down. 4xx answers are results, not failures: they are passed on and
 * neither trip the breaker nor get retried.
 */
@ApplicationScoped
public class AnalyticsClient {

    public static final String SERVICE = "analytics";

    private final AnalyticsRestClient client;
    private final Guard guard;

    public AnalyticsClient(@RestClient AnalyticsRestClient client, GatewayConfig config) {
        this.client = client;
        this.guard = new Guard(SERVICE, config.analytics().limits());
    }

    /** {@code area} is sales or customers; the caller checks {@code view} against what the area has. */
    public Uni<UpstreamResponse> view(String area, String view, Map<String, String> query, String ifNoneMatch) {
        return guard.call(() -> client.view(area, view, query, ifNoneMatch).map(AnalyticsClient::passOn), true);
    }

    public Uni<UpstreamResponse> chart(String area, String file, Map<String, String> query, String ifNoneMatch) {
        return guard.call(() -> client.chart(area, file, query, ifNoneMatch).map(AnalyticsClient::passOn), true);
    }

    public Uni<UpstreamResponse> customerProfile(String key, String ifNoneMatch) {
        return guard.call(() -> client.customerProfile(key, ifNoneMatch).map(AnalyticsClient::passOn), true);
    }

    /** Readiness probe of the service; outside the guard so that probing never trips the breaker. */
    public Uni<Boolean> ready() {
        return client.ready()
                .map(r -> {
                    try (r) {
                        return r.getStatus() == 200;
                    }
                })
                .ifNoItem().after(Duration.ofSeconds(2)).recoverWithItem(false);
    }

    public Guard guard() {
        return guard;
    }

    private static UpstreamResponse passOn(Response response) {
        try (response) {
            if (response.getStatus() >= 500) {
                throw new UpstreamFailure(SERVICE, response.getStatus());
            }
            return UpstreamResponse.of(response);
        }
    }
}
