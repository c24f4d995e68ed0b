package io.storefront.sentiment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.storefront.testsupport.ChangeFeeds;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A customer who asks to be forgotten loses their reviews; the products' summaries and the feed follow. */
@QuarkusTest
class PersonalDataTest {

    private static final String FEED = "/api/v1/product-sentiment/changes";

    private static Map<String, Object> review(String id, String product, String customer, int rating, String text) {
        return Map.of("reviewId", id, "productId", product, "customerId", customer, "rating", rating, "text", text,
                "createdAt", "2026-10-01");
    }

    @Test
    void anErasedCustomersReviewsAreGoneAndTheFeedSaysSo() {
        String run = UUID.randomUUID().toString();
        String customer = "C-" + run, other = "O-" + run, onlyTheirs = "PA-" + run, shared = "PB-" + run;
        String cursor = ChangeFeeds.end(FEED);
        given().contentType(ContentType.JSON).body(List.of(
                        review("R1-" + run, onlyTheirs, customer, 1, "Broke on day one. Useless."),
                        review("R2-" + run, shared, customer, 2, "Flimsy and overpriced."),
                        review("R3-" + run, shared, other, 5, "Sturdy, I love it.")))
                .when().post("/api/v1/reviews").then().statusCode(200).body("stored", equalTo(3));
        String afterStore = ChangeFeeds.end(FEED);
        given().when().get("/api/v1/personal-data/" + customer).then().statusCode(200)
                .body("records.reviews.reviewId", equalTo(List.of("R1-" + run, "R2-" + run)))
                .body("records.reviews[1].text", equalTo("Flimsy and overpriced."))
                .body("records.reviews[1].label", equalTo("negative"));

        given().when().delete("/api/v1/personal-data/" + customer).then().statusCode(200)
                .body("customerId", equalTo(customer)).body("records.reviewsDeleted", equalTo(2));

        given().when().get("/api/v1/reviews/R1-" + run).then().statusCode(404);
        given().when().get("/api/v1/reviews/R2-" + run).then().statusCode(404);
        given().when().get("/api/v1/reviews/R3-" + run).then().statusCode(200);
        given().when().get("/api/v1/personal-data/" + customer).then().statusCode(200)
                .body("records.reviews.size()", equalTo(0));
        given().when().get("/api/v1/products/" + onlyTheirs + "/sentiment").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/v1/products/" + shared + "/sentiment").then().statusCode(200)
                .body("summary.reviews", equalTo(1)).body("summary.positiveShare", equalTo(1.0f))
                .body("mostCriticised.size()", equalTo(0));

        Map<String, Integer> reviewsInFeed = new HashMap<>();
        for (Map<String, Object> p : ChangeFeeds.page(FEED, afterStore).<Map<String, Object>>getList("products")) {
            reviewsInFeed.put((String) p.get("productId"), (Integer) p.get("reviews"));
        }
        assertEquals(Map.of(onlyTheirs, 0, shared, 1), reviewsInFeed,
                "both products again; the one left without reviews as empty, so that followers drop it");
        assertEquals(2, ChangeFeeds.page(FEED, cursor).getList("products").size(), "the feed lists each product once, as it is now");

        given().when().delete("/api/v1/personal-data/" + customer).then().statusCode(200)
                .body("records.reviewsDeleted", equalTo(0));
    }
}
