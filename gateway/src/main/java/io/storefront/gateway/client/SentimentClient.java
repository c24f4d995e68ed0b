package io.storefront.gateway.client;

import io.smallrye.mutiny.Uni;
import io.storefront.gateway.config.GatewayConfig;
import jakarta.inject.Singleton;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Calls to the sentiment service under its guard. Scoring stores nothing, so it is retried
 * like a read; storing reviews is not retried here (the client may re-send: reviews replace by id).
 */
@Singleton
public class SentimentClient extends GuardedClient {

    public static final String SERVICE = "sentiment";

    private final SentimentRestClient client;

    public SentimentClient(@RestClient SentimentRestClient client, GatewayConfig config) {
        super(SERVICE, config.sentiment().limits(), client);
        this.client = client;
    }

    public Uni<UpstreamResponse> score(byte[] body) {
        return call(() -> client.score(body), true);
    }

    public Uni<UpstreamResponse> storeReviews(byte[] body) {
        return call(() -> client.storeReviews(body), false);
    }

    public Uni<UpstreamResponse> reviews(Map<String, String> query) {
        return call(() -> client.reviews(query), true);
    }

    public Uni<UpstreamResponse> review(String reviewId) {
        return call(() -> client.review(reviewId), true);
    }

    public Uni<UpstreamResponse> productSentiment(String productId) {
        return call(() -> client.productSentiment(productId), true);
    }

    public Uni<UpstreamResponse> reviewImport(String id) {
        return call(() -> client.reviewImport(id), true);
    }

    public Uni<UpstreamResponse> reviewImports() {
        return call(client::reviewImports, true);
    }

    /** Starts a training job; never retried (a retry could start a second job). */
    public Uni<UpstreamResponse> train() {
        return call(client::train, false);
    }

    public Uni<UpstreamResponse> models() {
        return call(client::models, true);
    }

    public Uni<UpstreamResponse> model(String version) {
        return call(() -> client.model(version), true);
    }

    /** Activation is idempotent: activating the same version twice leaves the same state. */
    public Uni<UpstreamResponse> activate(String version) {
        return call(() -> client.activate(version), true);
    }

    /** Readiness probe of the service; outside the guard so that probing never trips the breaker. */
    public Uni<Boolean> ready() {
        return UpstreamResponse.ready(client.ready());
    }
}
