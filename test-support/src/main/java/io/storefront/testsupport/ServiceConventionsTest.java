package io.storefront.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * What every service of the suite promises operators and clients: health with a database check,
 * Prometheus metrics, OpenAPI and Swagger UI, problem+json for errors. Each service's test
 * extends this with {@code @QuarkusTest}, so the conventions are written once and checked everywhere.
 */
public abstract class ServiceConventionsTest {

    /** A path of this service's API that the OpenAPI document must list. */
    protected abstract String documentedPath();

    /** Whether readiness must include a database check (false for the gateway, which owns no data). */
    protected boolean hasDatabase() {
        return true;
    }

    @Test
    void livenessAndReadinessAreUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        var ready = given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        if (hasDatabase()) {
            ready.body("checks.name", hasItem(containsString("Reactive PostgreSQL connections health check")));
        }
    }

    @Test
    void prometheusMetricsAreExposedWithLatencyBuckets() {
        given().when().get("/api/v1/no-such-thing").then().statusCode(404);
        String page = PrometheusMetrics.scrape();
        assertThat(page, containsString("# TYPE jvm_memory_used_bytes gauge"));
        // buckets at the suite's targets, so that Prometheus can tell a p99 under 10 or 20 ms; value() fails on a
        // missing bucket, and cumulative buckets never shrink
        double previous = 0;
        for (String le : new String[] {"0.005", "0.01", "0.02", "0.05", "1.0", "10.0", "+Inf"}) {
            double atMost = PrometheusMetrics.value(page, "http_server_requests_seconds_bucket", "status", "404", "le", le);
            assertTrue(atMost >= previous, "bucket " + le);
            previous = atMost;
        }
        assertEquals(PrometheusMetrics.value(page, "http_server_requests_seconds_count", "status", "404"), previous,
                "+Inf holds every request");
    }

    @Test
    void openApiAndSwaggerUiDescribeTheApi() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey(documentedPath()));
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void unknownRoutesAndMethodsAnswerWithProblemJson() {
        given().when().get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:storefront:problem:not-found"))
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/v1/no-such-thing"));
        // a path with a space or a percent sign is still a problem, with the path as sent
        given().urlEncodingEnabled(true).when().get("/api/v1/no such thing/100%").then().statusCode(404)
                .contentType("application/problem+json")
                .body("instance", equalTo("/api/v1/no%20such%20thing/100%25"));
        given().when().delete(documentedPath()).then().statusCode(405)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:storefront:problem:method-not-allowed"))
                .body(not(containsString("Exception")));
    }

    /**
     * Every service and the gateway have the personal-data routes and check a customer id the same way (service-commons'
     * Erasure): what cannot be an id is a 400 problem, on the export and on the erasure.
     */
    @Test
    void aCustomerIdThatCannotBeStoredIsABadRequestOnThePersonalDataRoutes() {
        for (String method : java.util.List.of("GET", "DELETE")) {
            given().when().request(method, "/api/v1/personal-data/" + "x".repeat(201)).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("customerId"));
            given().when().request(method, "/api/v1/personal-data/{id}", " ").then().statusCode(400)
                    .contentType("application/problem+json");
            given().when().request(method, "/api/v1/personal-data/{id}", "a\u0000b").then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }
}
