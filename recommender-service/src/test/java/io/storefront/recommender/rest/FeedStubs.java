package io.storefront.recommender.rest;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Real HTTP stubs of the analytics and sentiment change feeds on one random port. */
public class FeedStubs implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return Map.of("quarkus.rest-client.analytics.url", server.baseUrl(),
                "quarkus.rest-client.sentiment.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) server.stop();
    }
}
