package io.storefront.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.storefront.gateway.client.AnalyticsClient;
import io.storefront.gateway.client.RecommenderClient;
import io.storefront.gateway.client.SentimentClient;
import io.storefront.testsupport.PrometheusMetrics;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A customer's data seen and forgotten: every service is asked, and the answer says exactly which one failed. */
@QuarkusTest
@WithTestResource(AnalyticsStub.class)
@WithTestResource(SentimentStub.class)
@WithTestResource(RecommenderStub.class)
class PersonalDataRoutesTest {

    private static final String PATH = "/api/v1/personal-data/C%2042";

    @Inject
    AnalyticsClient analytics;
    @Inject
    SentimentClient sentiment;
    @Inject
    RecommenderClient recommender;

    @BeforeAll
    static void sendAKey() {
        TestKeys.sendAdminKeyByDefault();
    }

    @BeforeEach
    void reset() {
        for (WireMockServer s : List.of(AnalyticsStub.server, SentimentStub.server, RecommenderStub.server)) s.resetAll();
    }

    @AfterEach
    void closeBreakers() {
        analytics.guard().reset();
        sentiment.guard().reset();
        recommender.guard().reset();
    }

    private static void answers(WireMockServer service, int status, String body) {
        answers(service, "DELETE", status, body);
    }

    private static void answers(WireMockServer service, String method, int status, String body) {
        service.stubFor((method.equals("GET") ? get(urlPathEqualTo(PATH)) : delete(urlPathEqualTo(PATH))).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", status == 200 ? "application/json" : "application/problem+json").withBody(body)));
    }

    @Test
    void everyServiceIsAskedAndTheirCountsReported() {
        answers(AnalyticsStub.server, 200, "{\"customerId\":\"C 42\",\"records\":{\"ordersMadeAnonymous\":3}}");
        answers(SentimentStub.server, 200, "{\"customerId\":\"C 42\",\"records\":{\"reviewsDeleted\":2}}");
        answers(RecommenderStub.server, 200, "{\"customerId\":\"C 42\",\"records\":{\"interactionsDeleted\":5,"
                + "\"purchasesDeleted\":4,\"preferencesDeleted\":1}}");

        given().when().delete("/api/v1/personal-data/{id}", "C 42").then().statusCode(200)
                .body("customerId", equalTo("C 42"))
                .body("services.analytics.ordersMadeAnonymous", equalTo(3))
                .body("services.sentiment.reviewsDeleted", equalTo(2))
                .body("services.recommender.purchasesDeleted", equalTo(4));
        for (WireMockServer s : List.of(AnalyticsStub.server, SentimentStub.server, RecommenderStub.server)) {
            s.verify(1, deleteRequestedFor(urlPathEqualTo(PATH)));
        }
    }

    @Test
    void aServiceThatFailsIsNamedAndTheOthersStillErase() {
        String before = PrometheusMetrics.scrape();
        answers(AnalyticsStub.server, 200, "{\"customerId\":\"C 42\",\"records\":{\"ordersMadeAnonymous\":3}}");
        answers(SentimentStub.server, 500, "{\"status\":500}");
        answers(RecommenderStub.server, 200, "{\"customerId\":\"C 42\",\"records\":{\"interactionsDeleted\":0,"
                + "\"purchasesDeleted\":0,\"preferencesDeleted\":0}}");

        given().when().delete("/api/v1/personal-data/{id}", "C 42").then().statusCode(502)
                .contentType("application/problem+json")
                .body("detail", startsWith("The erasure is not complete: sentiment could not erase"))
                .body("failed", equalTo(List.of("sentiment")))
                .body("services.analytics.ordersMadeAnonymous", equalTo(3))
                .body("services.recommender.purchasesDeleted", equalTo(0));
        RecommenderStub.server.verify(1, deleteRequestedFor(urlPathEqualTo(PATH)));
        String after = PrometheusMetrics.scrape();
        assertEquals(1.0, PrometheusMetrics.increase(before, after, "storefront_personal_data_requests_total",
                "request", "erasure", "outcome", "incomplete"), "what the erasure alert counts");
        assertEquals(0.0, PrometheusMetrics.increase(before, after, "storefront_personal_data_requests_total",
                "request", "erasure", "outcome", "complete"));
    }

    @Test
    void anExportGathersEveryServicesRecords() {
        answers(AnalyticsStub.server, "GET", 200, "{\"customerId\":\"C 42\",\"records\":{\"orders\":[{\"orderId\":\"O-1\","
                + "\"lines\":[{\"productId\":\"P-1\",\"amount\":9.5}]}]}}");
        answers(SentimentStub.server, "GET", 200, "{\"customerId\":\"C 42\",\"records\":{\"reviews\":[]}}");
        answers(RecommenderStub.server, "GET", 200, "{\"customerId\":\"C 42\",\"records\":{\"interactions\":"
                + "[{\"productId\":\"P-1\",\"kind\":\"view\"}],\"purchases\":[],\"preferences\":[]}}");

        given().when().get("/api/v1/personal-data/{id}", "C 42").then().statusCode(200)
                .body("customerId", equalTo("C 42"))
                .body("services.analytics.orders[0].lines[0].amount", equalTo(9.5f))
                .body("services.sentiment.reviews.size()", equalTo(0))
                .body("services.recommender.interactions[0].kind", equalTo("view"));
    }

    @Test
    void anExportMissingAServiceIsNotGivenAsComplete() {
        answers(AnalyticsStub.server, "GET", 200, "{\"customerId\":\"C 42\",\"records\":{\"orders\":[{\"orderId\":\"O-1\"}]}}");
        answers(SentimentStub.server, "GET", 200, "{\"customerId\":\"C 42\",\"records\":{\"reviews\":[]}}");
        answers(RecommenderStub.server, "GET", 503, "{\"status\":503}");

        given().when().get("/api/v1/personal-data/{id}", "C 42").then().statusCode(502)
                .contentType("application/problem+json")
                .body("failed", equalTo(List.of("recommender")))
                .body("services", nullValue());
    }

    @Test
    void onlyAnAdminMayAskAndABadIdReachesNoService() {
        given().header("Authorization", "Bearer " + TestKeys.ANALYST).when().delete("/api/v1/personal-data/{id}", "C 42")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TestKeys.ANALYST).when().get("/api/v1/personal-data/{id}", "C 42")
                .then().statusCode(403);
        given().header("Authorization", "Bearer nope").when().delete("/api/v1/personal-data/{id}", "C 42")
                .then().statusCode(401);
        given().when().delete("/api/v1/personal-data/" + "x".repeat(201)).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("customerId"));
        for (WireMockServer s : List.of(AnalyticsStub.server, SentimentStub.server, RecommenderStub.server)) {
            s.verify(0, anyRequestedFor(anyUrl()));
        }
    }
}
