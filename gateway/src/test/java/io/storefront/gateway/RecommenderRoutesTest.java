package io.storefront.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;

import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.storefront.gateway.client.RecommenderClient;
import jakarta.inject.Inject;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RecommenderStub.class)
class RecommenderRoutesTest {

    @org.junit.jupiter.api.BeforeAll
    static void sendAKey() {
        TestKeys.sendAdminKeyByDefault();
    }

    private static final String JSON = "application/json";

    @Inject
    RecommenderClient recommender;

    @BeforeEach
    void reset() {
        RecommenderStub.server.resetAll();
    }

    @AfterEach
    void closeBreakers() {
        recommender.guard().reset();
    }

    @Test
    void theOriginalRouteAsksForAUsersOrAProductsRecommendations() {
        RecommenderStub.server.stubFor(get(urlPathEqualTo("/api/v1/recommendations/users/C%2042")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", JSON).withBody("{\"basis\":\"history\",\"items\":[]}")));
        RecommenderStub.server.stubFor(get(urlPathEqualTo("/api/v1/recommendations/products/P-1/similar")).willReturn(
                aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody("{\"productId\":\"P-1\",\"items\":[]}")));
        given().queryParam("user", "C 42").queryParam("k", "3").when().get("/recommend")
                .then().statusCode(200).body("basis", Matchers.equalTo("history"));
        RecommenderStub.server.verify(getRequestedFor(urlPathEqualTo("/api/v1/recommendations/users/C%2042"))
                .withQueryParam("k", equalTo("3")).withoutQueryParam("user"));
        given().queryParam("product", "P-1").when().get("/recommend").then().statusCode(200)
                .body("productId", Matchers.equalTo("P-1"));
        given().when().get("/recommend").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("user", "a").queryParam("product", "b").when().get("/recommend").then().statusCode(400);
    }

    @Test
    void answersOfTheRecommenderReachTheClientUnchanged() {
        RecommenderStub.server.stubFor(get(urlPathEqualTo("/api/v1/recommendations/users/u1")).willReturn(aResponse()
                .withStatus(400).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"urn:storefront:problem:validation\",\"status\":400,\"errors\":[{\"field\":\"k\"}]}")));
        given().queryParam("k", "0").when().get("/api/v1/recommendations/users/u1").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", Matchers.equalTo("k"));
        RecommenderStub.server.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/recommendations/users/u1")));

        RecommenderStub.server.stubFor(put(urlPathEqualTo("/api/v1/users/u1/preferences")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", JSON).withBody("{\"userId\":\"u1\"}")));
        given().contentType(ContentType.JSON).body("{\"categories\":[\"Shoes\"]}").when().put("/api/v1/users/u1/preferences")
                .then().statusCode(200).body("userId", Matchers.equalTo("u1"));
        RecommenderStub.server.verify(putRequestedFor(urlPathEqualTo("/api/v1/users/u1/preferences"))
                .withRequestBody(equalToJson("{\"categories\":[\"Shoes\"]}")));
    }

    @Test
    void aCatalogUploadPassesThroughAndItsLocationIsTheGateways() {
        RecommenderStub.server.stubFor(post(urlPathEqualTo("/api/v1/catalog/imports")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", JSON)
                .withHeader("Location", RecommenderStub.server.baseUrl() + "/api/v1/catalog/imports/5")
                .withBody("{\"id\":5,\"status\":\"queued\"}")));
        given().multiPart("file", "products.csv", "product_id,name\np1,Mug\n".getBytes(), "text/csv")
                .when().post("/api/v1/catalog/imports")
                .then().statusCode(202)
                .header("Location", Matchers.endsWith("/api/v1/catalog/imports/5"))
                .header("Location", Matchers.not(Matchers.containsString(RecommenderStub.server.baseUrl())));
        RecommenderStub.server.verify(postRequestedFor(urlPathEqualTo("/api/v1/catalog/imports"))
                .withHeader("Content-Type", containing("multipart/form-data; boundary="))
                .withRequestBody(containing("p1,Mug")));
    }

    @Test
    void aDeadRecommenderIsA503ProblemAndBatchesAreNotRetried() {
        RecommenderStub.server.stubFor(get(urlPathEqualTo("/api/v1/recommendations/popular"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        given().when().get("/api/v1/recommendations/popular").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", Matchers.notNullValue());
        RecommenderStub.server.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/recommendations/popular")));

        RecommenderStub.server.stubFor(post(urlPathEqualTo("/api/v1/interactions"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        given().contentType(ContentType.JSON).body("[]").when().post("/api/v1/interactions").then().statusCode(503);
        RecommenderStub.server.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/interactions")));
    }

    @Test
    void readinessReportsTheRecommenderButTheGatewayStaysReady() {
        RecommenderStub.server.stubFor(get(urlPathEqualTo("/q/health/ready")).willReturn(aResponse().withStatus(503)));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'services' }.data.recommender", Matchers.equalTo("DOWN"));
    }
}
