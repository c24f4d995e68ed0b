package io.storefront.gateway.client;

import io.smallrye.mutiny.Uni;
import io.storefront.gateway.config.GatewayConfig;
import jakarta.inject.Singleton;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Calls to the recommender under its guard. Reads, preference puts and deletes are idempotent and
 * retried; batches, imports, builds and syncs are not (the client decides whether to send again).
 */
@Singleton
public class RecommenderClient extends GuardedClient {

    public static final String SERVICE = "recommender";

    private final RecommenderRestClient client;

    public RecommenderClient(@RestClient RecommenderRestClient client, GatewayConfig config) {
        super(SERVICE, config.recommender().limits(), client);
        this.client = client;
    }

    public Uni<UpstreamResponse> forUser(String userId, Map<String, String> query) {
        return call(() -> client.forUser(userId, query), true);
    }

    public Uni<UpstreamResponse> similar(String productId, Map<String, String> query) {
        return call(() -> client.similar(productId, query), true);
    }

    public Uni<UpstreamResponse> boughtTogether(Map<String, String> query) {
        return call(() -> client.boughtTogether(query), true);
    }

    public Uni<UpstreamResponse> popular(Map<String, String> query) {
        return call(() -> client.popular(query), true);
    }

    public Uni<UpstreamResponse> storeProducts(byte[] body) {
        return call(() -> client.storeProducts(body), false);
    }

    public Uni<UpstreamResponse> products(Map<String, String> query) {
        return call(() -> client.products(query), true);
    }

    public Uni<UpstreamResponse> product(String productId) {
        return call(() -> client.product(productId), true);
    }

    public Uni<UpstreamResponse> productImport(String id) {
        return call(() -> client.productImport(id), true);
    }

    public Uni<UpstreamResponse> productImports() {
        return call(client::productImports, true);
    }

    public Uni<UpstreamResponse> recordInteractions(byte[] body) {
        return call(() -> client.recordInteractions(body), false);
    }

    public Uni<UpstreamResponse> putPreferences(String userId, byte[] body) {
        return call(() -> client.putPreferences(userId, body), true);
    }

    public Uni<UpstreamResponse> preferences(String userId) {
        return call(() -> client.preferences(userId), true);
    }

    public Uni<UpstreamResponse> deletePreferences(String userId) {
        return call(() -> client.deletePreferences(userId), true);
    }

    public Uni<UpstreamResponse> model() {
        return call(client::model, true);
    }

    public Uni<UpstreamResponse> buildModel() {
        return call(client::buildModel, false);
    }

    public Uni<UpstreamResponse> modelBuild(String id) {
        return call(() -> client.modelBuild(id), true);
    }

    public Uni<UpstreamResponse> evaluate(Map<String, String> query) {
        return call(() -> client.evaluate(query), false);
    }

    public Uni<UpstreamResponse> evaluation(String id) {
        return call(() -> client.evaluation(id), true);
    }

    public Uni<UpstreamResponse> sync() {
        return call(client::sync, false);
    }

    /** Readiness probe of the service; outside the guard so that probing never trips the breaker. */
    public Uni<Boolean> ready() {
        return UpstreamResponse.ready(client.ready());
    }
}
