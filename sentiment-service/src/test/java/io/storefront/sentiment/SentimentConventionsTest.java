package io.storefront.sentiment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.junit.QuarkusTest;
import io.storefront.testsupport.ServiceConventionsTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SentimentConventionsTest extends ServiceConventionsTest {

    @Override
    protected String documentedPath() {
        return "/api/v1/status";
    }

    @Test
    void migrationsRanIntoTheSentimentSchema() {
        given().when().get("/api/v1/status").then().statusCode(200)
                .body("service", equalTo("sentiment-service"))
                .body("schema", equalTo("sentiment"))
                .body("schemaVersion", equalTo("5"))
                .body("approximateRows", hasKey("reviews"));
    }
}
