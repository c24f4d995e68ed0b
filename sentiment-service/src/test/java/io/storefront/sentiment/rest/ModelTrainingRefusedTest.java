package io.storefront.sentiment.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.storefront.sentiment.domain.SentimentScorer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A store without enough rated reviews: the job ends failed, says why, and activates nothing. */
@QuarkusTest
@TestProfile(ModelTrainingRefusedTest.NeedsMillions.class)
class ModelTrainingRefusedTest {

    public static class NeedsMillions implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sentiment.training.min-per-class", "1000000");
        }
    }

    @Test
    void tooFewRatedReviewsEndTheJobFailedWithTheReason() throws InterruptedException {
        String location = given().when().post("/api/v1/models").then().statusCode(202).extract().header("Location");
        JsonPath job = null;
        for (int i = 0; i < 300; i++) {
            job = given().when().get(location).then().statusCode(200).extract().jsonPath();
            if (job.getString("status").equals("failed") || job.getString("status").equals("trained")) break;
            Thread.sleep(Duration.ofMillis(100));
        }
        assertEquals("failed", job.getString("status"), job.prettify());
        assertTrue(job.getString("detail").startsWith("Not enough rated reviews to learn from"), job.getString("detail"));
        assertFalse(job.getBoolean("active"));
        given().when().get("/api/v1/models").then().statusCode(200)
                .body("active", org.hamcrest.Matchers.equalTo(SentimentScorer.VERSION));
    }
}
