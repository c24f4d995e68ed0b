package io.storefront.sentiment.health;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.storefront.sentiment.config.SentimentConfig;
import io.storefront.sentiment.domain.WarmUpTexts;
import io.storefront.sentiment.service.ScoringService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Scores {@link SentimentConfig#warmUpTexts()} texts when the service starts, on a worker, and keeps it
 * unready until then: a load balancer or Kubernetes sends no request to a replica whose first answers
 * would take seconds. A failure of the warm-up does not keep the service unready; it only costs speed.
 */
@Readiness
@ApplicationScoped
public class ScoringWarmUp implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ScoringWarmUp.class);
    private static final int BATCH = 50;

    private final ScoringService scoring;
    private final SentimentConfig config;
    private volatile String state = "not started";

    public ScoringWarmUp(ScoringService scoring, SentimentConfig config) {
        this.scoring = scoring;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        int count = config.warmUpTexts();
        if (count <= 0) {
            state = "off";
            return;
        }
        state = "warming up";
        Infrastructure.getDefaultWorkerPool().execute(() -> warmUp(count));
    }

    void warmUp(int count) {
        long started = System.nanoTime();
        try {
            List<String> texts = WarmUpTexts.of(count);
            for (int from = 0; from < texts.size(); from += BATCH) {
                scoring.warmUp(texts.subList(from, Math.min(texts.size(), from + BATCH)));
            }
            state = "done";
            LOG.infof("scoring warmed up with %d texts in %.1f s", count, (System.nanoTime() - started) / 1e9);
        } catch (RuntimeException e) {
            state = "failed";
            LOG.warn("the scoring warm-up failed; the first requests will be slower", e);
        }
    }

    @Override
    public HealthCheckResponse call() {
        String now = state;
        return HealthCheckResponse.named("scoring warm-up").status(!now.equals("warming up") && !now.equals("not started"))
                .withData("state", now).build();
    }
}
