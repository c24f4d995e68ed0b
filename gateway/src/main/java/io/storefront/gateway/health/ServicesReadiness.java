package io.storefront.gateway.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.storefront.gateway.client.AnalyticsClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports whether the services behind the gateway are ready. The gateway itself stays ready when one
 * is down: its other routes still work, and a failing route answers 503 on its own.
 */
@Readiness
@ApplicationScoped
public class ServicesReadiness implements AsyncHealthCheck {

    private final AnalyticsClient analytics;

    public ServicesReadiness(AnalyticsClient analytics) {
        this.analytics = analytics;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return analytics.ready()
                .onFailure().recoverWithItem(false)
                .map(up -> HealthCheckResponse.named("services").up()
                        .withData(AnalyticsClient.SERVICE, up ? "UP" : "DOWN").build());
    }
}
