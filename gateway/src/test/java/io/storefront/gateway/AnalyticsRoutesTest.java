package io.storefront.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.storefront.gateway.client.AnalyticsClient;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(AnalyticsStub.class)
class AnalyticsRoutesTest {

    @org.junit.jupiter.api.BeforeAll
    static void sendAKey() {
        TestKeys.sendAdminKeyByDefault();
    }

    private static final String SUMMARY = "/api/v1/sales/summary";

    @Inject
    AnalyticsClient analytics;

    @BeforeEach
    void reset() {
        AnalyticsStub.server.resetAll();
    }

    @AfterEach
    void closeBreakers() {
        analytics.guard().reset();
    }

    @Test
    void theOriginalRoutePassesQueryAndBodyThrough() {
        AnalyticsStub.server.stubFor(get(urlPathEqualTo(SUMMARY)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"currency\":\"INR\",\"monthly\":[]}")));
        given().queryParam("from", "2018-01-01").queryParam("to", "2018-12-31").queryParam("charts", "none")
                .when().get("/analytics/sales")
                .then().statusCode(200).contentType("application/json")
                .body("currency", org.hamcrest.Matchers.equalTo("INR"));
        AnalyticsStub.server.verify(getRequestedFor(urlPathEqualTo(SUMMARY))
                .withQueryParam("from", equalTo("2018-01-01")).withQueryParam("to", equalTo("2018-12-31"))
                .withQueryParam("charts", equalTo("none")));
        given().when().get("/api/v1/analytics/sales/summary").then().statusCode(200);
    }

    @Test
    void salesViewsPassEveryFilterThrough() {
        AnalyticsStub.server.stubFor(get(urlPathEqualTo("/api/v1/sales/trend")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"interval\":\"week\"}")));
        given().queryParam("interval", "week").queryParam("category", "Electronics").queryParam("state", "Tamil Nadu")
                .queryParam("paymentMode", "UPI").queryParam("subCategory", "Phones")
                .when().get("/api/v1/analytics/sales/trend")
                .then().statusCode(200).body("interval", org.hamcrest.Matchers.equalTo("week"));
        AnalyticsStub.server.verify(getRequestedFor(urlPathEqualTo("/api/v1/sales/trend"))
                .withQueryParam("interval", equalTo("week")).withQueryParam("category", equalTo("Electronics"))
                .withQueryParam("state", equalTo("Tamil Nadu")).withQueryParam("paymentMode", equalTo("UPI"))
                .withQueryParam("subCategory", equalTo("Phones")));
    }

    @Test
    void theOriginalCustomerRouteIsTheSegmentation() {
        AnalyticsStub.server.stubFor(get(urlPathEqualTo("/api/v1/customers/segments")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"customers\":3}")));
        given().queryParam("thresholds", "fixed").queryParam("low", "1000").when().get("/analytics/customer")
                .then().statusCode(200).body("customers", org.hamcrest.Matchers.equalTo(3));
        AnalyticsStub.server.verify(getRequestedFor(urlPathEqualTo("/api/v1/customers/segments"))
                .withQueryParam("thresholds", equalTo("fixed")).withQueryParam("low", equalTo("1000")));
        AnalyticsStub.server.stubFor(get(urlPathEqualTo("/api/v1/customers/profiles/C%2017")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"key\":\"C 17\"}")));
        given().when().get("/api/v1/analytics/customers/profiles/C 17").then().statusCode(200)
                .body("key", org.hamcrest.Matchers.equalTo("C 17"));
        given().when().get("/api/v1/analytics/customers/wishes").then().statusCode(404);
    }

    @Test
    void anUnknownSalesViewIsA404WithoutCallingAnalytics() {
        given().when().get("/api/v1/analytics/sales/secrets").then().statusCode(404)
                .contentType("application/problem+json");
        AnalyticsStub.server.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/sales/secrets")));
    }

    @Test
    void cachingHeadersAndConditionalRequestsPassThrough() {
        AnalyticsStub.server.stubFor(get(urlPathEqualTo(SUMMARY)).withHeader("If-None-Match", equalTo("\"v7\""))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"v7\"")));
        AnalyticsStub.server.stubFor(get(urlPathEqualTo("/api/v1/sales/charts/monthly-sales.png"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/png")
                        .withHeader("ETag", "\"c1\"").withHeader("Cache-Control", "max-age=60, public")
                        .withBody(new byte[] {(byte) 0x89, 'P', 'N', 'G'})));
        given().header("If-None-Match", "\"v7\"").when().get("/analytics/sales")
                .then().statusCode(304).header("ETag", "\"v7\"");
        byte[] png = given().queryParam("from", "2018-01-01").when().get("/api/v1/analytics/sales/charts/monthly-sales.png")
                .then().statusCode(200).contentType("image/png").header("ETag", "\"c1\"")
                // a keyed answer may be kept by the client, never by a shared cache in front of the gateway
                .header("Cache-Control", org.hamcrest.Matchers.equalTo("private, max-age=60")).extract().asByteArray();
        org.junit.jupiter.api.Assertions.assertEquals(4, png.length);
        AnalyticsStub.server.verify(getRequestedFor(urlPathEqualTo("/api/v1/sales/charts/monthly-sales.png"))
                .withQueryParam("from", equalTo("2018-01-01")));
    }

    @Test
    void aClientErrorOfTheServiceReachesTheClientAtTheGatewaysPathAndIsNotRetried() {
        AnalyticsStub.server.stubFor(get(urlPathEqualTo(SUMMARY)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"urn:storefront:problem:validation\",\"status\":400,\"detail\":\"from bad\","
                        + "\"instance\":\"" + SUMMARY + "\"}")));
        given().queryParam("from", "x").when().get("/analytics/sales")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("urn:storefront:problem:validation"))
                .body("detail", org.hamcrest.Matchers.equalTo("from bad"))
                .body("instance", org.hamcrest.Matchers.equalTo("/analytics/sales"));
        AnalyticsStub.server.verify(1, getRequestedFor(urlPathEqualTo(SUMMARY)));
    }

    @Test
    void repeatedFailuresOpenTheCircuitAndCallsStopReachingTheService() {
        AnalyticsStub.server.stubFor(get(urlPathEqualTo(SUMMARY)).willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 20; i++) {
            given().when().get("/analytics/sales").then().statusCode(502);
        }
        given().when().get("/analytics/sales").then().statusCode(503).header("Retry-After", "5")
                .body("detail", containsString("paused"));
        AnalyticsStub.server.verify(20, getRequestedFor(urlPathEqualTo(SUMMARY)));
    }

    @Test
    void aDeadServiceIsA503ProblemWithRetryAfter() {
        AnalyticsStub.server.stubFor(get(urlPathEqualTo(SUMMARY))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        given().when().get("/analytics/sales")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", org.hamcrest.Matchers.equalTo("urn:storefront:problem:upstream-unavailable"))
                .body(not(containsString("Exception")));
    }

    @Test
    void aServerErrorIsA502AndIsNotRetried() {
        AnalyticsStub.server.stubFor(get(urlPathEqualTo(SUMMARY)).willReturn(aResponse().withStatus(500)
                .withBody("java.lang.IllegalStateException: secret internals")));
        given().when().get("/analytics/sales")
                .then().statusCode(502).contentType("application/problem+json")
                .body(not(containsString("secret internals")));
        AnalyticsStub.server.verify(1, getRequestedFor(urlPathEqualTo(SUMMARY)));
    }

    @Test
    void aSlowServiceTimesOutWithA503() {
        AnalyticsStub.server.stubFor(get(urlPathEqualTo(SUMMARY))
                .willReturn(aResponse().withStatus(200).withFixedDelay(3_000).withBody("{}")));
        given().when().get("/analytics/sales")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                .body("type", org.hamcrest.Matchers.equalTo("urn:storefront:problem:upstream-timeout"))
                .time(lessThan(2_900L));
    }

    @Test
    void readinessReportsTheServiceButTheGatewayStaysReady() {
        AnalyticsStub.server.stubFor(get(urlPathEqualTo("/q/health/ready")).willReturn(aResponse().withStatus(503)));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'services' }.data.analytics", org.hamcrest.Matchers.equalTo("DOWN"));
        AnalyticsStub.server.stubFor(get(urlPathEqualTo("/q/health/ready")).willReturn(aResponse().withStatus(200)));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'services' }.data.analytics", org.hamcrest.Matchers.equalTo("UP"));
    }

    @Test
    void anOrderUploadPassesThroughAsSentAndItsJobIsPolledAtTheGateway() {
        AnalyticsStub.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/api/v1/imports/order-lines"))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withHeader("Location", AnalyticsStub.server.baseUrl() + "/api/v1/imports/12")
                        .withBody("{\"id\":12,\"status\":\"queued\",\"self\":\"/api/v1/imports/12\"}")));
        given().multiPart("file", "orders.csv", "order_id,order_date\nB-1,2018-04-01\n".getBytes(), "text/csv")
                .multiPart("mapping", "{\"order_id\":\"order_id\"}")
                .when().post("/api/v1/analytics/imports/order-lines")
                .then().statusCode(202).header("Location", org.hamcrest.Matchers.endsWith(":" + io.restassured.RestAssured.port + "/api/v1/analytics/imports/12"))
                .body("self", org.hamcrest.Matchers.equalTo("/api/v1/analytics/imports/12"));
        AnalyticsStub.server.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/api/v1/imports/order-lines"))
                .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing("multipart/form-data; boundary="))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("B-1,2018-04-01")));

        AnalyticsStub.server.stubFor(get(urlPathEqualTo("/api/v1/imports/12")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":12,\"status\":\"running\",\"percent\":40,\"self\":\"/api/v1/imports/12\"}")));
        given().when().get("/api/v1/analytics/imports/12").then().statusCode(200).body("percent", org.hamcrest.Matchers.equalTo(40))
                .body("self", org.hamcrest.Matchers.equalTo("/api/v1/analytics/imports/12"));
        AnalyticsStub.server.stubFor(get(urlPathEqualTo("/api/v1/imports")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("[{\"id\":12,\"self\":\"/api/v1/imports/12\"},{\"id\":11,\"self\":\"/api/v1/imports/11\"}]")));
        given().when().get("/api/v1/analytics/imports").then().statusCode(200)
                .body("self", org.hamcrest.Matchers.contains("/api/v1/analytics/imports/12", "/api/v1/analytics/imports/11"));
    }

    @Test
    void aJsonBatchKeepsItsContentTypeAndAFailedUploadIsNotSentTwice() {
        AnalyticsStub.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/api/v1/imports/order-lines"))
                .willReturn(aResponse().withStatus(500)));
        given().contentType("application/json").body("[{\"orderId\":\"B-1\"}]")
                .when().post("/api/v1/analytics/imports/order-lines")
                .then().statusCode(502).contentType("application/problem+json");
        AnalyticsStub.server.verify(1, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/api/v1/imports/order-lines"))
                .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing("application/json")));
    }

    @Test
    void onlyAdminsImportAndUnknownFormatsNeverReachTheService() {
        given().header("Authorization", "Bearer " + TestKeys.ANALYST).multiPart("file", "o.csv", "x".getBytes(), "text/csv")
                .when().post("/api/v1/analytics/imports/order-lines").then().statusCode(403);
        given().header("Authorization", "Bearer " + TestKeys.ANALYST).when().get("/api/v1/analytics/imports/1")
                .then().statusCode(403);
        given().multiPart("file", "o.csv", "x".getBytes(), "text/csv")
                .when().post("/api/v1/analytics/imports/parquet").then().statusCode(404).contentType("application/problem+json");
        AnalyticsStub.server.verify(0, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }
}
