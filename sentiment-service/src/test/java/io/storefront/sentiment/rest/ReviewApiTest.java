package io.storefront.sentiment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReviewApiTest {

    private static Map<String, Object> review(String id, String product, Integer rating, String text, String createdAt) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("reviewId", id);
        r.put("productId", product);
        r.put("customerId", "C-" + id);
        r.put("rating", rating);
        r.put("text", text);
        r.put("createdAt", createdAt);
        return r;
    }

    private static JsonPath post(List<Map<String, Object>> batch, int status) {
        return given().contentType(ContentType.JSON).body(batch).when().post("/api/v1/reviews")
                .then().statusCode(status).extract().jsonPath();
    }

    private static JsonPath summary(String product) {
        return given().when().get("/api/v1/products/" + product + "/sentiment").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aBatchIsScoredStoredAndSummarisedPerProduct() {
        String p = "P-" + UUID.randomUUID();
        String k = p + "-";
        JsonPath stored = post(List.of(
                review(k + 1, p, 5, "The screen is gorgeous and the battery lasts for days. Love it!", "2026-09-03T10:00:00Z"),
                review(k + 2, p, 7, "Stars out of range.", "2026-09-04"),
                review(k + 3, p, 1, "The battery is awful. It died after a week.", "2026-10-01"),
                review(k + 4, p, 5, "Terrible battery, horrible screen, useless.", "2026-10-15T08:30:00+02:00")), 200);
        assertEquals(4, stored.getInt("received"));
        assertEquals(3, stored.getInt("stored"));
        assertEquals(List.of("reviews[1].rating"), stored.getList("rejected.field"));

        // the summary against figures computed here from the stored reviews
        String page = given().queryParam("productId", p).when().get("/api/v1/reviews").then().statusCode(200)
                .extract().asString();
        assertFalse(java.util.regex.Pattern.compile("\\d\\.\\d{5,}").matcher(page).find(),
                "scores leave with four decimals, not a stored real's noise: " + page);
        JsonPath list = JsonPath.from(page);
        List<Float> polarities = list.getList("reviews.polarity", Float.class);
        List<String> labels = list.getList("reviews.label");
        assertEquals(3, polarities.size());
        double mean = polarities.stream().mapToDouble(Float::doubleValue).average().orElseThrow();
        long positive = labels.stream().filter("positive"::equals).count();
        JsonPath s = summary(p);
        assertEquals(3, s.getInt("summary.reviews"));
        assertEquals(mean, s.getDouble("summary.meanPolarity"), 1e-3);
        assertEquals(positive / 3.0, s.getDouble("summary.positiveShare"), 1e-3);
        assertEquals(1, s.getInt("summary.mismatches"), "5 stars with a negative text");
        assertEquals(List.of(true), list.getList("reviews.findAll { it.reviewId == '" + k + "4' }.mismatch"));
        assertEquals((5 + 1 + 5) / 3.0, s.getDouble("summary.meanRating"), 1e-3);
        assertEquals(List.of("2026-09", "2026-10"), s.getList("monthly.month"));
        assertEquals(List.of(1, 2), s.getList("monthly.reviews"));
        assertTrue(s.getList("mostCriticised.aspect").contains("battery"), s.prettify());
        assertEquals("battery", s.getString("mostCriticised[0].aspect"), "criticised in two reviews");
    }

    @Test
    void reSendingAReviewReplacesItAndTheFeedShowsTheProductAgain() {
        String p = "P-" + UUID.randomUUID();
        String cursor = given().queryParam("after", "0").queryParam("limit", "5000").when()
                .get("/api/v1/product-sentiment/changes").then().statusCode(200).extract().jsonPath().getString("cursor");
        post(List.of(review(p + "-a", p, 2, "Awful quality, it broke.", "2026-01-05")), 200);
        JsonPath first = given().queryParam("after", cursor).when().get("/api/v1/product-sentiment/changes")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(first.getList("products.productId").contains(p));
        assertEquals("negative", summaryLabelOf(p));

        post(List.of(review(p + "-a", p, 5, "Wonderful quality, I love it.", "2026-01-05")), 200);
        JsonPath s = summary(p);
        assertEquals(1, s.getInt("summary.reviews"), "replaced, not added");
        assertEquals(1.0, s.getDouble("summary.positiveShare"), 1e-9);
        JsonPath second = given().queryParam("after", first.getString("cursor")).when()
                .get("/api/v1/product-sentiment/changes").then().statusCode(200).extract().jsonPath();
        List<String> again = second.getList("products.productId");
        assertEquals(1, again.stream().filter(p::equals).count());
        assertTrue(second.getLong("cursor") > first.getLong("cursor"));
    }

    private static String summaryLabelOf(String product) {
        JsonPath s = summary(product);
        return s.getDouble("summary.negativeShare") == 1.0 ? "negative" : "other";
    }

    @Test
    void aReviewMovedToAnotherProductLeavesTheOldSummary() {
        String p = "P-" + UUID.randomUUID();
        String q = "Q-" + UUID.randomUUID();
        post(List.of(review(p + "-m", p, 4, "Nice and sturdy.", null)), 200);
        String cursor = given().queryParam("after", "0").queryParam("limit", "5000").when()
                .get("/api/v1/product-sentiment/changes").then().statusCode(200).extract().jsonPath().getString("cursor");
        post(List.of(review(p + "-m", q, 4, "Nice and sturdy.", null)), 200);
        given().when().get("/api/v1/products/" + p + "/sentiment").then().statusCode(404)
                .contentType("application/problem+json");
        List<Map<String, Object>> changed = given().queryParam("after", cursor).when()
                .get("/api/v1/product-sentiment/changes").then().statusCode(200).extract().jsonPath().getList("products");
        assertTrue(changed.stream().anyMatch(s -> p.equals(s.get("productId")) && Integer.valueOf(0).equals(s.get("reviews"))
                        && s.get("meanPolarity") == null),
                "the feed tells followers the old product has no reviews left: " + changed);
        assertEquals(1, summary(q).getInt("summary.reviews"));
    }

    @Test
    void aBatchWithNoGoodReviewIs422AndChangesNothing() {
        String p = "P-" + UUID.randomUUID();
        post(List.of(review(p + "-1", p, 4, "Good value.", null)), 200);
        List<Map<String, Object>> bad = new ArrayList<>();
        bad.add(review(p + "-1", p, 0, "Now it is awful.", null));
        bad.add(review(null, p, 3, "No id.", null));
        bad.add(review(p + "-2", p, 3, "Bad date.", "yesterday"));
        bad.add(review(p + "-3", p, 3, "bin\u0000ary", null));
        bad.add(review(p + "-4\u0000", p, 3, "A NUL in the id.", null)); // PostgreSQL text cannot hold it
        bad.add(review(p + "-5", p + "\u0000", 3, "A NUL in the product.", null));
        given().contentType(ContentType.JSON).body(bad).when().post("/api/v1/reviews")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:storefront:problem:invalid-rows"))
                .body("errors.field", equalTo(List.of("reviews[0].rating", "reviews[1].reviewId",
                        "reviews[2].createdAt", "reviews[3].text", "reviews[4].reviewId", "reviews[5].productId")));
        given().contentType(ContentType.JSON).body("[{\"reviewId\": \"" + p + "-6\\ud800\", \"productId\": \"" + p
                        + "\", \"text\": \"An id that is not text.\"}]").when().post("/api/v1/reviews").then().statusCode(422)
                .body("errors.field", equalTo(List.of("reviews[0].reviewId")));
        given().contentType(ContentType.JSON).body("[{\"reviewId\": \"x\", \"rating\": \"five\"}]").when()
                .post("/api/v1/reviews").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("[").when().post("/api/v1/reviews").then().statusCode(400);
        JsonPath s = summary(p);
        assertEquals(1, s.getInt("summary.reviews"));
        assertEquals(1.0, s.getDouble("summary.positiveShare"), 1e-9, "the stored review is untouched");
        given().when().get("/api/v1/reviews/" + p + "-1").then().statusCode(200).body("text", equalTo("Good value."));

        // each review within its limit, together over the characters one batch may hold: 413 before any is scored
        String long_ = "Now it is awful. ".repeat(2_900);
        List<Map<String, Object>> huge = new ArrayList<>();
        for (int i = 0; i < 82; i++) huge.add(review(p + "-1", p, 1, long_, null));
        given().contentType(ContentType.JSON).body(huge).when().post("/api/v1/reviews")
                .then().statusCode(413).contentType("application/problem+json").body("errors[0].field", equalTo("reviews"));
        given().when().get("/api/v1/reviews/" + p + "-1").then().statusCode(200).body("text", equalTo("Good value."));
    }

    @Test
    void unknownReviewsAndProductsAre404AndBadCursorsAre400() {
        given().when().get("/api/v1/reviews/no-such-review").then().statusCode(404).contentType("application/problem+json");
        // an id no text can hold is bad input, not a failure of ours
        given().urlEncodingEnabled(false).when().get("/api/v1/reviews/a%00b").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("productId", "a\u0000b").when().get("/api/v1/reviews").then().statusCode(400)
                .contentType("application/problem+json");
        given().when().get("/api/v1/products/no-such-product/sentiment").then().statusCode(404);
        given().queryParam("after", "abc").when().get("/api/v1/reviews").then().statusCode(400)
                .body("errors.field", hasItem("after"));
        given().queryParam("limit", "0").when().get("/api/v1/product-sentiment/changes").then().statusCode(400)
                .body("errors.field", not(hasSize(0)));
    }
}
