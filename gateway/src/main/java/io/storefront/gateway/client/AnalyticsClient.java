package io.storefront.gateway.client;

import io.smallrye.mutiny.Uni;
import io.storefront.gateway.config.GatewayConfig;
import jakarta.inject.Singleton;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Calls to the analytics service under its guard, so that a slow or dead analytics service
 * cannot take the gateway down. 4xx answers are results, not failures: they are passed on and
 * neither trip the breaker nor get retried.
 */
@Singleton
public class AnalyticsClient extends GuardedClient {

    public static final String SERVICE = "analytics";

    private final AnalyticsRestClient client;

    public AnalyticsClient(@RestClient AnalyticsRestClient client, GatewayConfig config) {
        super(SERVICE, config.analytics().limits(), client);
        this.client = client;
    }

    /** {@code area} is sales or customers; the caller checks {@code view} against what the area has. */
    public Uni<UpstreamResponse> view(String area, String view, Map<String, String> query, String ifNoneMatch) {
        return call(() -> client.view(area, view, query, ifNoneMatch), true);
    }

    public Uni<UpstreamResponse> chart(String area, String file, Map<String, String> query, String ifNoneMatch) {
        return call(() -> client.chart(area, file, query, ifNoneMatch), true);
    }

    public Uni<UpstreamResponse> customerProfile(String key, String ifNoneMatch) {
        return call(() -> client.customerProfile(key, ifNoneMatch), true);
    }

    public Uni<UpstreamResponse> importJob(String id) {
        return call(() -> client.importJob(id), true);
    }

    public Uni<UpstreamResponse> importJobs(Map<String, String> query) {
        return call(() -> client.importJobs(query), true);
    }

    /** Readiness probe of the service; outside the guard so that probing never trips the breaker. */
    public Uni<Boolean> ready() {
        return UpstreamResponse.ready(client.ready());
    }
}
