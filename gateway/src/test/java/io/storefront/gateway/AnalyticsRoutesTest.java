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
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.storefront.gateway.client.AnalyticsClient;
import io.storefront.testsupport.PrometheusMetrics;
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
        String before = PrometheusMetrics.scrape();
        AnalyticsStub.server.stubFor(get(urlPathEqualTo(SUMMARY)).willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 20; i++) {
            given().when().get("/analytics/sales").then().statusCode(502);
        }
        given().when().get("/analytics/sales").then().statusCode(503).header("Retry-After", "5")
                .body("detail", containsString("paused"));
        AnalyticsStub.server.verify(20, getRequestedFor(urlPathEqualTo(SUMMARY)));

        // what operators see: the failures, the calls the open circuit refused, and its state
        String after = PrometheusMetrics.scrape();
        assertEquals(20.0, upstreamCallsIncrease(before, after, "failed"));
        assertEquals(1.0, upstreamCallsIncrease(before, after, "circuit_open"));
        assertEquals(1.0, PrometheusMetrics.value(after, "storefront_gateway_circuit_state", "service", "analytics",
                "state", "open"));
        assertEquals(0.0, PrometheusMetrics.value(after, "storefront_gateway_circuit_state", "service", "sentiment",
                "state", "open"));
        analytics.guard().reset();
        assertEquals(1.0, PrometheusMetrics.value(PrometheusMetrics.scrape(), "storefront_gateway_circuit_state",
                "service", "analytics", "state", "closed"));
    }

    private static double upstreamCallsIncrease(String before, String after, String outcome) {
        return PrometheusMetrics.increase(before, after, "storefront_gateway_upstream_calls_total", "service", "analytics",
                "outcome", outcome);
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
        String before = PrometheusMetrics.scrape();
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
        assertEquals(1.0, upstreamCallsIncrease(before, PrometheusMetrics.scrape(), "ok"),
                "a streamed upload is one of the service's calls in the operators' metrics");

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
        String before = PrometheusMetrics.scrape();
        AnalyticsStub.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/api/v1/imports/order-lines"))
                .willReturn(aResponse().withStatus(500)));
        given().contentType("application/json").body("[{\"orderId\":\"B-1\"}]")
                .when().post("/api/v1/analytics/imports/order-lines")
                .then().statusCode(502).contentType("application/problem+json");
        AnalyticsStub.server.verify(1, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/api/v1/imports/order-lines"))
                .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing("application/json")));
        assertEquals(1.0, upstreamCallsIncrease(before, PrometheusMetrics.scrape(), "failed"));
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

    /** A body of {@code size} bytes of CSV-like lines ending with {@code last}. */
    private static byte[] export(int size, String last) {
        byte[] body = new byte[size];
        byte[] line = "B-1,2018-04-01,Electronics,Phones,Maharashtra,Pune,UPI,1200.00,2\n".getBytes();
        for (int at = 0; at < size; at++) body[at] = line[at % line.length];
        System.arraycopy(last.getBytes(), 0, body, size - last.length(), last.length());
        return body;
    }

    @Test
    void anUploadLargerThanTheRestRoutesTakeIsStreamedToTheServiceWhole() {
        AnalyticsStub.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/api/v1/imports/order-lines"))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withHeader("Location", AnalyticsStub.server.baseUrl() + "/api/v1/imports/13")
                        .withBody("{\"id\":13,\"status\":\"queued\",\"self\":\"/api/v1/imports/13\"}")));
        // 17 MB: above quarkus.http.limits.max-body-size (16M), which still caps every other route
        given().multiPart("file", "orders.csv", export(17 << 20, "LAST-LINE-OF-THE-EXPORT\n"), "text/csv")
                .when().post("/api/v1/analytics/imports/order-lines")
                .then().statusCode(202).header("X-Request-Id", org.hamcrest.Matchers.notNullValue())
                .header("Location", org.hamcrest.Matchers.endsWith(":" + io.restassured.RestAssured.port + "/api/v1/analytics/imports/13"))
                .body("self", org.hamcrest.Matchers.equalTo("/api/v1/analytics/imports/13"));
        var received = AnalyticsStub.server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlPathEqualTo("/api/v1/imports/order-lines")));
        org.junit.jupiter.api.Assertions.assertEquals(1, received.size());
        String body = received.get(0).getBodyAsString();
        org.junit.jupiter.api.Assertions.assertTrue(body.length() > 17 << 20, "the whole file reached the service");
        org.junit.jupiter.api.Assertions.assertTrue(body.contains("LAST-LINE-OF-THE-EXPORT"));
        org.junit.jupiter.api.Assertions.assertNotNull(received.get(0).getHeader("X-Request-Id"));

        given().contentType("application/json").body(new byte[17 << 20]).when().post("/api/v1/sentiment")
                .then().statusCode(413).contentType("application/problem+json");
        var chunked = io.storefront.testsupport.ChunkedBodies.post(java.net.URI.create("http://localhost:"
                + io.restassured.RestAssured.port + "/api/v1/sentiment"), "application/json",
                ("[\"" + "a".repeat(17 << 20) + "\"]").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "Authorization", "Bearer " + TestKeys.ANALYST);
        org.junit.jupiter.api.Assertions.assertEquals(413, chunked.status(), "a JSON body without a length is counted: " + chunked);
        org.junit.jupiter.api.Assertions.assertEquals("application/problem+json", chunked.contentType(), chunked.toString());
    }

    @Test
    void anUploadAboveTheGatewaysLimitIsRefusedWithAndWithoutAContentLength() throws Exception {
        // %test.gateway.uploads.max-size=24M
        byte[] tooLarge = export(25 << 20, "END\n");
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.net.URI uri = java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port
                + "/api/v1/analytics/imports/order-lines");
        java.util.function.Function<java.net.http.HttpRequest.BodyPublisher, java.net.http.HttpRequest> upload = body ->
                java.net.http.HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + TestKeys.ADMIN)
                        .header("Content-Type", "text/csv").POST(body).build();

        var declared = http.send(upload.apply(java.net.http.HttpRequest.BodyPublishers.ofByteArray(tooLarge)),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(413, declared.statusCode());
        org.junit.jupiter.api.Assertions.assertEquals("application/problem+json", declared.headers().firstValue("Content-Type").orElseThrow());
        org.junit.jupiter.api.Assertions.assertTrue(declared.body().contains("gateway.uploads.max-size"), declared.body());

        // chunked: counted as it passes; the service's request is abandoned at the limit
        String before = PrometheusMetrics.scrape();
        AnalyticsStub.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/api/v1/imports/order-lines"))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json").withBody("{}")));
        try {
            var chunked = http.send(upload.apply(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(tooLarge))), java.net.http.HttpResponse.BodyHandlers.ofString());
            org.junit.jupiter.api.Assertions.assertEquals(413, chunked.statusCode());
        } catch (java.io.IOException closedWhileSending) {
            // the gateway answers and closes while the client still sends; some clients see only the close
        }
        String after = PrometheusMetrics.scrape();
        assertEquals(1.0, upstreamCallsIncrease(before, after, "cancelled"), "given up by the gateway, not a failing service");
        assertEquals(0.0, upstreamCallsIncrease(before, after, "unreachable"));
        AnalyticsStub.server.verify(0, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }

    @Test
    void aBodyTooLargeIsAProblemOverHttp2Too() throws Exception {
        // the JDK client asks for HTTP/2 (h2c upgrade); HTTP/2 forbids the Connection header HTTP/1 answers carry
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String path : java.util.List.of("/api/v1/sentiment", "/api/v1/analytics/imports/order-lines")) {
            var answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                    "http://localhost:" + io.restassured.RestAssured.port + path))
                            .header("Authorization", "Bearer " + TestKeys.ADMIN).header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[25 << 20])).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            org.junit.jupiter.api.Assertions.assertEquals(413, answer.statusCode(), path);
            org.junit.jupiter.api.Assertions.assertTrue(answer.body().contains("payload-too-large"), answer.body());
        }
    }

    @Test
    void aRefusedSmallUploadIsAnsweredAndItsConnectionKept() throws Exception {
        // the answer comes before the body is read; a client still writing it must get the answer, not a reset
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 300; i++) {
            var answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                            "http://localhost:" + io.restassured.RestAssured.port + "/api/v1/catalog/imports"))
                            .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            org.junit.jupiter.api.Assertions.assertEquals(401, answer.statusCode(), "request " + i);
        }
    }

    @Test
    void anUploadsProblemsAreTheGatewaysOwn() {
        given().header("Authorization", "Bearer not-a-key").multiPart("file", "o.csv", "x".getBytes(), "text/csv")
                .when().post("/api/v1/analytics/imports/order-lines")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                .body("instance", org.hamcrest.Matchers.equalTo("/api/v1/analytics/imports/order-lines"));

        AnalyticsStub.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/api/v1/imports/order-lines"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"urn:storefront:problem:validation\",\"status\":400,"
                                + "\"detail\":\"No part named file\",\"instance\":\"/api/v1/imports/order-lines\"}")));
        given().multiPart("other", "o.csv", "x".getBytes(), "text/csv")
                .when().post("/api/v1/analytics/imports/order-lines")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.equalTo("No part named file"))
                .body("instance", org.hamcrest.Matchers.equalTo("/api/v1/analytics/imports/order-lines"));

        AnalyticsStub.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/api/v1/imports/order-lines"))
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        given().multiPart("file", "o.csv", "x".getBytes(), "text/csv")
                .when().post("/api/v1/analytics/imports/order-lines")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                .body("type", org.hamcrest.Matchers.equalTo("urn:storefront:problem:upstream-unavailable"));
    }
}
