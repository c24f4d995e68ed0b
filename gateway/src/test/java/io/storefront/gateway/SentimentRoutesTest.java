package io.storefront.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;

import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.storefront.gateway.client.SentimentClient;
import jakarta.inject.Inject;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(SentimentStub.class)
class SentimentRoutesTest {

    @org.junit.jupiter.api.BeforeAll
    static void sendAKey() {
        TestKeys.sendAdminKeyByDefault();
    }

    private static final String SCORE = "/api/v1/sentiment";

    @Inject
    SentimentClient sentiment;

    @BeforeEach
    void reset() {
        SentimentStub.server.resetAll();
    }

    @AfterEach
    void closeBreakers() {
        sentiment.guard().reset();
    }

    @Test
    void theOriginalRoutePassesTheBodyToTheScorer() {
        SentimentStub.server.stubFor(post(urlPathEqualTo(SCORE)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"polarity\":0.62,\"label\":\"positive\"}")));
        given().contentType(ContentType.JSON).body("{\"text\":\"I love it\"}")
                .when().post("/sentiment")
                .then().statusCode(200).contentType("application/json")
                .body("label", Matchers.equalTo("positive"));
        SentimentStub.server.verify(postRequestedFor(urlPathEqualTo(SCORE))
                .withRequestBody(equalToJson("{\"text\":\"I love it\"}")));
        given().contentType(ContentType.JSON).body("{\"texts\":[\"a\"]}").when().post("/api/v1/sentiment")
                .then().statusCode(200);
    }

    @Test
    void problemsOfTheServiceReachTheClientUnchanged() {
        SentimentStub.server.stubFor(post(urlPathEqualTo(SCORE)).willReturn(aResponse().withStatus(413)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"urn:storefront:problem:payload-too-large\",\"status\":413}")));
        given().contentType(ContentType.JSON).body("{\"text\":\"long\"}").when().post("/sentiment")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", Matchers.equalTo("urn:storefront:problem:payload-too-large"));
        SentimentStub.server.verify(1, postRequestedFor(urlPathEqualTo(SCORE)));
    }

    @Test
    void reviewRoutesMapToTheService() {
        SentimentStub.server.stubFor(post(urlPathEqualTo("/api/v1/reviews")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"stored\":1}")));
        SentimentStub.server.stubFor(get(urlPathEqualTo("/api/v1/reviews")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"reviews\":[]}")));
        SentimentStub.server.stubFor(get(urlPathEqualTo("/api/v1/products/P%201/sentiment")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"summary\":{}}")));
        given().contentType(ContentType.JSON).body("[{\"reviewId\":\"r\"}]").when().post("/api/v1/sentiment/reviews")
                .then().statusCode(200).body("stored", Matchers.equalTo(1));
        given().queryParam("productId", "P 1").queryParam("limit", "5").when().get("/api/v1/sentiment/reviews")
                .then().statusCode(200);
        SentimentStub.server.verify(getRequestedFor(urlPathEqualTo("/api/v1/reviews"))
                .withQueryParam("productId", equalTo("P 1")).withQueryParam("limit", equalTo("5")));
        given().when().get("/api/v1/sentiment/products/P 1").then().statusCode(200);
    }

    @Test
    void aDeadSentimentServiceIsA503ProblemAndStoringIsNotRetried() {
        SentimentStub.server.stubFor(post(urlPathEqualTo(SCORE))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        given().contentType(ContentType.JSON).body("{\"text\":\"x\"}").when().post("/sentiment")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", Matchers.notNullValue());
        SentimentStub.server.verify(2, postRequestedFor(urlPathEqualTo(SCORE)));

        SentimentStub.server.stubFor(post(urlPathEqualTo("/api/v1/reviews"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        given().contentType(ContentType.JSON).body("[]").when().post("/api/v1/sentiment/reviews")
                .then().statusCode(503).contentType("application/problem+json");
        SentimentStub.server.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/reviews")));
    }

    @Test
    void readinessReportsTheSentimentServiceButTheGatewayStaysReady() {
        SentimentStub.server.stubFor(get(urlPathEqualTo("/q/health/ready")).willReturn(aResponse().withStatus(503)));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'services' }.data.sentiment", Matchers.equalTo("DOWN"));
    }

    @Test
    void trainingIsStartedOnceAndItsLocationIsThePublicPath() {
        SentimentStub.server.stubFor(post(urlPathEqualTo("/api/v1/models")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json")
                .withHeader("Location", SentimentStub.server.baseUrl() + "/api/v1/models/7")
                .withBody("{\"version\":7,\"status\":\"queued\"}")));
        given().when().post("/api/v1/sentiment/models")
                .then().statusCode(202).header("Location", Matchers.endsWith("/api/v1/sentiment/models/7"))
                .body("version", Matchers.equalTo(7));
        SentimentStub.server.stubFor(post(urlPathEqualTo("/api/v1/models/lexicon/activate")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"active\":\"lexicon-1\"}")));
        given().when().post("/api/v1/sentiment/models/lexicon/activate").then().statusCode(200)
                .body("active", Matchers.equalTo("lexicon-1"));

        SentimentStub.server.stubFor(post(urlPathEqualTo("/api/v1/models"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        given().when().post("/api/v1/sentiment/models").then().statusCode(503);
        SentimentStub.server.verify(2, postRequestedFor(urlPathEqualTo("/api/v1/models")));
    }

    @Test
    void aCsvUploadPassesThroughAsSentWithItsBoundary() {
        SentimentStub.server.stubFor(post(urlPathEqualTo("/api/v1/reviews/imports")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json")
                .withHeader("Location", SentimentStub.server.baseUrl() + "/api/v1/reviews/imports/3")
                .withBody("{\"id\":3,\"status\":\"queued\"}")));
        given().multiPart("file", "reviews.csv", "review_id,product_id,text\nr1,p1,Great\n".getBytes(), "text/csv")
                .when().post("/api/v1/sentiment/reviews/imports")
                .then().statusCode(202).header("Location", Matchers.endsWith("/api/v1/sentiment/reviews/imports/3"));
        SentimentStub.server.verify(postRequestedFor(urlPathEqualTo("/api/v1/reviews/imports"))
                .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing("multipart/form-data; boundary="))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("r1,p1,Great")));
    }
}
