package io.storefront.sentiment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.storefront.sentiment.domain.SentimentScorer;
import io.storefront.testsupport.PrometheusMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ModelApiTest {

    @AfterEach
    void backToTheLexicon() {
        given().when().post("/api/v1/models/lexicon/activate").then().statusCode(200);
    }

    /** Reviews whose stars follow two words the lexicon does not know; only a trained model can learn them. */
    private static void storeReviewsInTheStoresOwnWords() {
        Random random = new Random(5);
        String run = UUID.randomUUID().toString();
        String[] items = {"hat", "coat", "scarf", "glove", "boot", "bag"};
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            boolean positive = i % 2 == 0;
            String item = items[random.nextInt(items.length)];
            batch.add(Map.of("reviewId", run + "-" + i, "productId", "M-" + run, "rating", positive ? 5 : 1,
                    "text", "The " + item + " is " + (positive ? "zorbly" : "grimple") + "."));
        }
        given().contentType(ContentType.JSON).body(batch).when().post("/api/v1/reviews").then().statusCode(200)
                .body("stored", equalTo(300));
    }

    private static JsonPath waitForJob(String location) {
        for (int i = 0; i < 600; i++) {
            JsonPath job = given().when().get(location).then().statusCode(200).extract().jsonPath();
            String status = job.getString("status");
            if (status.equals("trained") || status.equals("failed")) return job;
            try {
                Thread.sleep(Duration.ofMillis(100));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the training job did not finish in 60 s");
    }

    private static JsonPath score(String text) {
        return given().contentType(ContentType.JSON).body(Map.of("text", text)).when().post("/api/v1/sentiment")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aModelTrainedOnTheStoresRatingsIsActivatedWhenBetterAndCanBeRolledBack() {
        storeReviewsInTheStoresOwnWords();
        assertEquals("neutral", score("The hat is zorbly.").getString("label"), "the lexicon does not know the word");

        var accepted = given().when().post("/api/v1/models").then().statusCode(202).extract();
        String location = accepted.header("Location");
        JsonPath job = waitForJob(location);
        assertEquals("trained", job.getString("status"), job.prettify());
        assertTrue(job.getBoolean("active"), job.prettify());
        assertTrue(job.getDouble("metrics.trained.accuracy") > job.getDouble("metrics.lexicon.accuracy"), job.prettify());
        assertEquals(Boolean.TRUE, job.get("metrics.better"));
        String name = job.getString("name");

        JsonPath zorbly = score("The coat is zorbly.");
        assertEquals(name, zorbly.getString("model"));
        assertEquals("positive", zorbly.getString("label"));
        assertEquals("negative", score("The coat is grimple.").getString("label"));
        given().when().get("/api/v1/models").then().statusCode(200).body("active", equalTo(name));
        String scraped = PrometheusMetrics.scrapeOnceAtLeast(1, "storefront_job_duration_seconds_count", "kind",
                "model-training", "outcome", "succeeded");
        assertEquals(job.getInt("version"), PrometheusMetrics.value(scraped, "storefront_sentiment_active_model_version"));
        assertTrue(PrometheusMetrics.value(scraped, "storefront_job_duration_seconds_count", "kind", "model-training",
                "outcome", "succeeded") >= 1);

        // rollback to the lexicon, and forward again to the trained version
        given().when().post("/api/v1/models/lexicon/activate").then().statusCode(200).body("active", equalTo(SentimentScorer.VERSION));
        assertEquals(SentimentScorer.VERSION, score("The coat is zorbly.").getString("model"));
        assertEquals(0.0, PrometheusMetrics.value(PrometheusMetrics.scrape(), "storefront_sentiment_active_model_version"));
        given().when().post("/api/v1/models/" + job.getInt("version") + "/activate").then().statusCode(200)
                .body("active", equalTo(true));
        assertEquals(name, score("The coat is zorbly.").getString("model"));
    }

    @Test
    void unknownVersionsAre404() {
        given().when().post("/api/v1/models/99999/activate").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/models/abc").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/models/99999").then().statusCode(404);
    }
}
