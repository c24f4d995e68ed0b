package io.storefront.sentiment.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.storefront.sentiment.domain.SentimentScorer;
import io.storefront.sentiment.domain.TextSentiment;
import io.storefront.sentiment.domain.WarmUpTexts;
import java.util.HashSet;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** The start-up warm-up: what it scores, and that readiness waits for it. */
@QuarkusTest
class ScoringWarmUpTest {

    @Test
    void theWarmUpTextsAreVariedReviewsOfBothSides() {
        List<String> texts = WarmUpTexts.of(600);
        assertEquals(600, texts.size());
        assertEquals(texts, WarmUpTexts.of(600), "the same texts every time");
        assertTrue(new HashSet<>(texts).size() > 550, "hardly any repeats");
        SentimentScorer scorer = SentimentScorer.lexiconOnly();
        long positive = 0;
        long negative = 0;
        for (String text : texts) {
            TextSentiment s = scorer.analyze(text).sentiment();
            if (s.polarity() > 0) positive++;
            if (s.polarity() < 0) negative++;
        }
        assertTrue(positive > 100 && negative > 100, positive + " positive, " + negative + " negative");
    }

    @Test
    void readinessWaitsForTheWarmUp() {
        ScoringWarmUp fresh = new ScoringWarmUp(null, null);
        assertEquals(HealthCheckResponse.Status.DOWN, fresh.call().getStatus(), "not ready before it has run");

        // the running service (a few texts in tests) is ready once its warm-up is done
        for (int i = 0; i < 100; i++) {
            if (given().when().get("/q/health/ready").statusCode() == 200) break;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'scoring warm-up' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'scoring warm-up' }.data.state", equalTo("done"));
    }
}
