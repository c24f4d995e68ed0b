package io.storefront.sentiment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.storefront.sentiment.domain.SentimentScorer;
import io.storefront.testsupport.PrometheusMetrics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScoringApiTest {

    private static final String PATH = "/api/v1/sentiment";

    @Test
    void oneTextGetsScoresSentencesAndAspects() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "The screen is nice. But the battery life is awful and the support was useless."))
                .when().post(PATH)
                .then().statusCode(200)
                .body("label", equalTo("negative"))
                .body("polarity", lessThan(0f))
                .body("language", equalTo("en"))
                .body("model", equalTo(SentimentScorer.VERSION))
                .body("sentences", hasSize(2))
                .body("sentences[0].polarity", greaterThan(0f))
                .body("sentences[1].polarity", lessThan(0f))
                .body("aspects.aspect", hasItem("battery life"))
                .body("aspects.find { it.aspect == 'screen' }.polarity", greaterThan(0f));
    }

    @Test
    void aBatchIsScoredInOrder() {
        given().contentType(ContentType.JSON)
                .body(Map.of("texts", List.of("I love it!", "Terrible, it broke on day one.", "")))
                .when().post(PATH)
                .then().statusCode(200)
                .body("results", hasSize(3))
                .body("results[0].label", equalTo("positive"))
                .body("results[1].label", equalTo("negative"))
                .body("results[2].label", equalTo("neutral"))
                .body("results[2].polarity", equalTo(0f));
    }

    @Test
    void neitherOrBothTextAndTextsIsABadRequest() {
        given().contentType(ContentType.JSON).body("{}").when().post(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:storefront:problem:validation"));
        given().contentType(ContentType.JSON).body(Map.of("text", "a", "texts", List.of("b"))).when().post(PATH)
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("texts", List.of())).when().post(PATH)
                .then().statusCode(400).body("errors[0].field", equalTo("texts"));
    }

    @Test
    void aHundredKilobyteTextIs413() {
        String huge = "This is fine. ".repeat(100_000 / 14 + 1);
        given().contentType(ContentType.JSON).body(Map.of("text", huge)).when().post(PATH)
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:storefront:problem:payload-too-large"))
                .body("errors[0].field", equalTo("text"));
        given().contentType(ContentType.JSON).body(Map.of("texts", List.of("ok", huge))).when().post(PATH)
                .then().statusCode(413).body("errors[0].field", equalTo("texts[1]"));
    }

    /** 81 texts of 49,985 characters: each within its limit, together over the 4,000,000 one request may hold. */
    @Test
    void aBatchOverTheCharacterBudgetIs413BeforeAnyScoring() {
        String long_ = "This is fine. ".repeat(3_570) + "Okay.";
        List<String> texts = java.util.Collections.nCopies(81, long_);
        given().contentType(ContentType.JSON).body(Map.of("texts", texts)).when().post(PATH)
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:storefront:problem:payload-too-large"))
                .body("errors[0].field", equalTo("texts"))
                .body("detail", org.hamcrest.Matchers.containsString("at most 4000000"));
    }

    @Test
    void binaryGarbageIsAClearAnswerNotAServerError() {
        String binary = "PK\u0003\u0004\u0014\u0000\u0008\u0000\u0000\u0000!\u0000\u00ff\u00fe";
        given().contentType(ContentType.JSON).body(Map.of("text", binary)).when().post(PATH)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:storefront:problem:not-text"))
                .body("detail", containsString("binary"));
        given().contentType(ContentType.JSON).body("{\"text\": \"unterminated").when().post(PATH)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void nonEnglishTextIsLabelledUnknown() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "Das Produkt ist sehr gut und die Lieferung war schnell, danke schön."))
                .when().post(PATH)
                .then().statusCode(200)
                .body("language", equalTo("unknown"))
                .body("label", equalTo("unknown"))
                .body("confidence", equalTo(0f));
    }

    @Test
    void scoredTextsAreCountedForOperatorsAndRefusedOnesAreNot() {
        String before = PrometheusMetrics.scrape();
        List<String> texts = List.of("Great value, fast delivery.", "Das Produkt ist sehr gut und die Lieferung war schnell.");
        given().contentType(ContentType.JSON).body(Map.of("texts", texts)).when().post(PATH).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("text", "x".repeat(100_000))).when().post(PATH)
                .then().statusCode(413);
        String after = PrometheusMetrics.scrape();
        assertEquals(1.0, PrometheusMetrics.increase(before, after, "storefront_sentiment_texts_total", "language", "english"));
        assertEquals(1.0, PrometheusMetrics.increase(before, after, "storefront_sentiment_texts_total", "language", "unknown"));
        assertEquals(texts.get(0).length() + texts.get(1).length(),
                PrometheusMetrics.increase(before, after, "storefront_sentiment_characters_total"));
    }
}
