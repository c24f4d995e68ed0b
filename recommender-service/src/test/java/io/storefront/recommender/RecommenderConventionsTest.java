package io.storefront.recommender;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.junit.QuarkusTest;
import io.storefront.testsupport.ServiceConventionsTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RecommenderConventionsTest extends ServiceConventionsTest {

    @Override
    protected String documentedPath() {
        return "/api/v1/status";
    }

    @Test
    void migrationsRanIntoTheRecommenderSchema() {
        given().when().get("/api/v1/status").then().statusCode(200)
                .body("service", equalTo("recommender-service"))
                .body("schema", equalTo("recommender"))
                .body("schemaVersion", equalTo("4"))
                .body("approximateRows", hasKey("products"))
                .body("approximateRows", hasKey("feed_cursors"))
                .body("approximateRows", hasKey("purchases"))
                .body("approximateRows", hasKey("jobs"));
    }
}
