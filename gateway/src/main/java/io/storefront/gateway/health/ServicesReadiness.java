package io.storefront.gateway.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.storefront.gateway.client.AnalyticsClient;
import io.storefront.gateway.client.RecommenderClient;
import io.storefront.gateway.client.SentimentClient;
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
    private final SentimentClient sentiment;
    private final RecommenderClient recommender;

    public ServicesReadiness(AnalyticsClient analytics, SentimentClient sentiment, RecommenderClient recommender) {
        this.analytics = analytics;
        this.sentiment = sentiment;
        this.recommender = recommender;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.combine().all()
                .unis(analytics.ready().onFailure().recoverWithItem(false), sentiment.ready().onFailure().recoverWithItem(false),
                        recommender.ready().onFailure().recoverWithItem(false))
                .with((analyticsUp, sentimentUp, recommenderUp) -> HealthCheckResponse.named("services").up()
                        .withData(AnalyticsClient.SERVICE, analyticsUp ? "UP" : "DOWN")
                        .withData(SentimentClient.SERVICE, sentimentUp ? "UP" : "DOWN")
                        .withData(RecommenderClient.SERVICE, recommenderUp ? "UP" : "DOWN").build());
    }
}
