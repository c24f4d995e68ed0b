package io.storefront.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.storefront.gateway.security.AccessPolicy;
import io.storefront.gateway.security.Role;
import java.util.ArrayList;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API keys, roles, rate limits, request ids and CORS at the gateway, against a stub of analytics. */
@QuarkusTest
@WithTestResource(AnalyticsStub.class)
class GatewaySecurityTest {

    @BeforeEach
    void noDefaultKey() {
        TestKeys.sendNoKeyByDefault();
        AnalyticsStub.server.resetAll();
        AnalyticsStub.server.stubFor(get(urlPathMatching("/api/v1/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":true}")));
    }

    @AfterEach
    void restoreDefaultKey() {
        TestKeys.sendAdminKeyByDefault();
    }

    @Test
    void withoutAValidKeyThePublicApiIs401AndNothingIsForwarded() {
        given().when().get("/analytics/sales").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", Matchers.startsWith("Bearer"))
                .body("type", Matchers.equalTo("urn:storefront:problem:unauthorized"));
        given().header("Authorization", "Bearer sfk_nope_not-a-key").when().get("/api/v1/analytics/sales/summary")
                .then().statusCode(401).body("detail", Matchers.containsString("not valid"));
        given().header("X-API-Key", TestKeys.READER).when().get("/api/v1/analytics/sales/summary").then().statusCode(200);
        AnalyticsStub.server.verify(1, getRequestedFor(urlPathMatching("/api/v1/.*")));
        // operations endpoints stay open for probes and scrapers
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void aKeyWhoseRoleIsTooLowIs403() {
        given().header("Authorization", "Bearer " + TestKeys.READER).when().get("/api/v1/analytics/customers/profiles/C1")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", Matchers.containsString("analyst"));
        given().header("Authorization", "Bearer " + TestKeys.ANALYST).when().get("/api/v1/analytics/customers/profiles/C1")
                .then().statusCode(200);
        given().header("Authorization", "Bearer " + TestKeys.ANALYST).when().post("/api/v1/sentiment/models")
                .then().statusCode(403);
        given().header("Authorization", "Bearer " + TestKeys.READER).when().get("/api/v1/analytics/sales/summary")
                .then().statusCode(200);
    }

    @Test
    void aKeyOverItsRateGets429WithRetryAfter() {
        List<Integer> statuses = new ArrayList<>();
        String retryAfter = null;
        for (int i = 0; i < 8; i++) {
            var r = given().header("Authorization", "Bearer " + TestKeys.SLOW).when().get("/api/v1/analytics/sales/summary");
            statuses.add(r.statusCode());
            if (r.statusCode() == 429) retryAfter = r.header("Retry-After");
        }
        assertTrue(statuses.contains(429), statuses.toString());
        assertTrue(statuses.subList(0, 4).stream().allMatch(s -> s == 200), "a burst of 2 seconds at 2/s passes: " + statuses);
        assertEquals("1", retryAfter);
        // another key is not affected
        given().header("Authorization", "Bearer " + TestKeys.READER).when().get("/api/v1/analytics/sales/summary")
                .then().statusCode(200);
    }

    @Test
    void aRequestIdIsKeptOrMadeAndPassedToTheService() {
        given().header("Authorization", "Bearer " + TestKeys.READER).header("X-Request-Id", "shop-42")
                .when().get("/api/v1/analytics/sales/summary").then().statusCode(200).header("X-Request-Id", "shop-42");
        AnalyticsStub.server.verify(getRequestedFor(urlPathEqualTo("/api/v1/sales/summary"))
                .withHeader("X-Request-Id", equalTo("shop-42")));
        String made = given().header("Authorization", "Bearer " + TestKeys.READER).header("X-Request-Id", "bad id\u0001")
                .when().get("/api/v1/analytics/sales/summary").then().statusCode(200).extract().header("X-Request-Id");
        assertTrue(made.matches("[0-9a-f-]{36}"), made);
        given().when().get("/analytics/sales").then().statusCode(401).header("X-Request-Id", Matchers.notNullValue());
    }

    @Test
    void crossOriginCallsAreRefusedUnlessConfigured() {
        var preflight = given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .when().options("/api/v1/analytics/sales/summary");
        assertNull(preflight.header("Access-Control-Allow-Origin"), "no origin is allowed by default");
    }

    @Test
    void theRolesFollowWhatTheRoutesExpose() {
        assertEquals(Role.READER, AccessPolicy.required("GET", "/recommend"));
        assertEquals(Role.READER, AccessPolicy.required("POST", "/sentiment"));
        assertEquals(Role.READER, AccessPolicy.required("GET", "/api/v1/recommendations/users/C1"));
        assertEquals(Role.ANALYST, AccessPolicy.required("GET", "/api/v1/sentiment/reviews"));
        assertEquals(Role.ANALYST, AccessPolicy.required("PUT", "/api/v1/users/C1/preferences"));
        assertEquals(Role.ANALYST, AccessPolicy.required("POST", "/api/v1/interactions"));
        assertEquals(Role.ADMIN, AccessPolicy.required("POST", "/api/v1/analytics/imports/seed"));
        assertEquals(Role.ADMIN, AccessPolicy.required("GET", "/api/v1/sentiment/reviews/imports/3"));
        assertEquals(Role.ADMIN, AccessPolicy.required("POST", "/api/v1/catalog/products"));
        assertEquals(Role.READER, AccessPolicy.required("GET", "/api/v1/catalog/products/P1"));
        assertEquals(Role.ADMIN, AccessPolicy.required("POST", "/api/v1/recommender/model/builds"));
        assertEquals(Role.READER, AccessPolicy.required("GET", "/api/v1/recommender/model"));
        assertNull(AccessPolicy.required("GET", "/q/health/ready"));
        assertNull(AccessPolicy.required("GET", "/"));
        assertTrue(Role.ADMIN.includes(Role.ANALYST) && !Role.READER.includes(Role.ANALYST));
    }
}
