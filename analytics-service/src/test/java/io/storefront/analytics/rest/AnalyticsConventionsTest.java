package io.storefront.analytics.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.storefront.testsupport.ServiceConventionsTest;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class AnalyticsConventionsTest extends ServiceConventionsTest {

    @Override
    protected String documentedPath() {
        return "/api/v1/sales/summary";
    }

    @Test
    void migrationsRanIntoTheAnalyticsSchema() {
        given().when().get("/api/v1/status").then().statusCode(200)
                .body("schema", equalTo("analytics")).body("schemaVersion", equalTo("9"));
    }
}
