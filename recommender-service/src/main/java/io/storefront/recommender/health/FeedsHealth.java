package io.storefront.recommender.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.storefront.recommender.service.FeedSync;
import io.storefront.recommender.service.ModelService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the model and each feed's staleness. A stale feed (its peer is down) does not make the
 * service unready: it keeps answering from what it has synced, which is the point.
 */
@Readiness
@ApplicationScoped
public class FeedsHealth implements AsyncHealthCheck {

    private final FeedSync sync;
    private final ModelService models;

    public FeedsHealth(FeedSync sync, ModelService models) {
        this.sync = sync;
        this.models = models;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return sync.states().map(states -> {
            HealthCheckResponseBuilder b = HealthCheckResponse.named("recommendation data").up();
            ModelService.Built built = models.currentOrNull();
            b.withData("model", built == null ? "being built" : "built " + built.builtAt());
            states.values().forEach(s -> b.withData(s.feed(), (s.stale() ? "stale" : "current")
                    + (s.lastSuccess() == null ? ", never synced" : ", last synced " + s.lastSuccess())
                    + (s.lastError() == null ? "" : ", last error: " + s.lastError())));
            return b.build();
        });
    }
}
