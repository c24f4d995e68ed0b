package io.storefront.recommender.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A customer who asks to be forgotten: nothing of theirs stays, and the model stops knowing them. */
@QuarkusTest
@WithTestResource(FeedStubs.class)
class PersonalDataTest {

    @Inject
    Pool pool;

    /** The feeds' cursors before the test: restored after it, for the tests that start their feeds at 0. */
    private List<Row> cursors;

    @BeforeEach
    void reset() {
        cursors = pool.query("SELECT feed, cursor, synced_at FROM recommender.feed_cursors").execute().await().indefinitely()
                .stream().toList();
        FeedStubs.server.resetAll();
        feed("/api/v1/order-lines/changes", "lines", List.of());
        feed("/api/v1/product-sentiment/changes", "products", List.of());
    }

    @AfterEach
    void restoreCursors() {
        pool.withTransaction(tx -> tx.query("DELETE FROM recommender.feed_cursors").execute()
                .chain(() -> cursors.isEmpty() ? Uni.createFrom().voidItem()
                        : tx.preparedQuery("INSERT INTO recommender.feed_cursors (feed, cursor, synced_at) VALUES ($1, $2, $3)")
                                .executeBatch(cursors.stream().map(r -> Tuple.of(r.getString("feed"), r.getString("cursor"),
                                        r.getOffsetDateTime("synced_at"))).toList())
                                .replaceWithVoid()))
                .await().indefinitely();
    }

    /** The feed at {@code path} answers every cursor with these entries and says it has no more. */
    private static void feed(String path, String field, List<String> entries) {
        FeedStubs.server.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"cursor\":\"2000000\",\"hasMore\":false,\"" + field + "\":[" + String.join(",", entries) + "]}")));
    }

    private static String line(String order, String customer, String product) {
        return String.format("{\"changeSeq\":1,\"orderId\":\"%s\",\"orderDate\":\"2026-10-01\",\"customerKey\":\"%s\","
                + "\"state\":\"Goa\",\"city\":\"Panaji\",\"productId\":\"%s\",\"productName\":\"%s name\","
                + "\"category\":\"Home\",\"subCategory\":\"Lamps\",\"quantity\":1,\"amount\":10.00,"
                + "\"profit\":1.00,\"paymentMode\":\"UPI\"}", order, customer, product, product);
    }

    private static String sentiment(String product, int reviews, Double meanPolarity) {
        return "{\"productId\":\"" + product + "\",\"reviews\":" + reviews + ",\"scored\":" + reviews
                + ",\"meanPolarity\":" + meanPolarity + ",\"positiveShare\":" + (reviews == 0 ? 0 : 1.0)
                + ",\"negativeShare\":0.0}";
    }

    @Test
    void anErasedCustomerLeavesNothingBehindAndTheModelForgetsThem() {
        feed("/api/v1/order-lines/changes", "lines", List.of(line("pd-o1", "pd-u1", "pd-A"), line("pd-o1", "pd-u1", "pd-B"),
                line("pd-o2", "pd-u2", "pd-A"), line("pd-o2", "pd-u2", "pd-B")));
        given().when().post("/api/v1/recommender/sync").then().statusCode(200);
        given().contentType(ContentType.JSON).body("""
                        [{"userId":"pd-u1","productId":"pd-A","kind":"view","occurredAt":"2026-11-02T10:15:00Z"}]""")
                .when().post("/api/v1/interactions").then().statusCode(200).body("stored", equalTo(1));
        given().contentType(ContentType.JSON).body("{\"categories\":[\"Lamps\"]}")
                .when().put("/api/v1/users/pd-u1/preferences").then().statusCode(200);
        startBuild();
        awaitBasis("pd-u1", "history");
        given().when().get("/api/v1/personal-data/pd-u1").then().statusCode(200)
                .body("records.interactions[0].kind", equalTo("view"))
                .body("records.interactions[0].productId", equalTo("pd-A"))
                .body("records.purchases.productId", equalTo(List.of("pd-A", "pd-B")))
                .body("records.purchases[0].amount", equalTo(10.0f))
                .body("records.preferences[0].categories", equalTo(List.of("Lamps")));

        given().when().delete("/api/v1/personal-data/pd-u1").then().statusCode(200)
                .body("customerId", equalTo("pd-u1"))
                .body("records.interactionsDeleted", equalTo(1))
                .body("records.purchasesDeleted", equalTo(2))
                .body("records.preferencesDeleted", equalTo(1));

        assertEquals(0L, rowsOf("pd-u1"));
        assertEquals(2L, count("SELECT count(*) FROM recommender.purchases WHERE user_id = $1", "pd-u2"), "others keep theirs");
        given().when().get("/api/v1/users/pd-u1/preferences").then().statusCode(404);
        given().when().get("/api/v1/personal-data/pd-u1").then().statusCode(200)
                .body("records.interactions.size()", equalTo(0)).body("records.purchases.size()", equalTo(0))
                .body("records.preferences.size()", equalTo(0));
        // the instance that erased rebuilds at once; until then it still answers from the old model
        awaitBasis("pd-u1", "popularity");
        given().when().get("/api/v1/recommendations/users/pd-u1").then().statusCode(200).body("knownUser", equalTo(false));

        given().when().delete("/api/v1/personal-data/pd-u1").then().statusCode(200)
                .body("records.purchasesDeleted", equalTo(0));
    }

    @Test
    void aProductWhoseReviewsWereAllErasedLosesItsSentiment() {
        feed("/api/v1/product-sentiment/changes", "products", List.of(sentiment("pd-S", 3, 0.6)));
        given().when().post("/api/v1/recommender/sync").then().statusCode(200);
        assertEquals(1L, count("SELECT count(*) FROM recommender.product_sentiment WHERE product_id = $1", "pd-S"));

        feed("/api/v1/product-sentiment/changes", "products", List.of(sentiment("pd-S", 0, null)));
        given().when().post("/api/v1/recommender/sync").then().statusCode(200)
                .body("applied.'sentiment.product-sentiment'", equalTo(1));
        assertEquals(0L, count("SELECT count(*) FROM recommender.product_sentiment WHERE product_id = $1", "pd-S"));
    }

    private long rowsOf(String user) {
        return count("SELECT (SELECT count(*) FROM recommender.interactions WHERE user_id = $1)"
                + " + (SELECT count(*) FROM recommender.purchases WHERE user_id = $1)"
                + " + (SELECT count(*) FROM recommender.preferences WHERE user_id = $1)", user);
    }

    private long count(String sql, String value) {
        return pool.preparedQuery(sql).execute(Tuple.of(value)).await().indefinitely().iterator().next().getLong(0);
    }

    /** A build that reads the data as it is now: the one the service starts with may be running (409). */
    private static void startBuild() {
        for (int i = 0; i < 300; i++) {
            if (given().when().post("/api/v1/recommender/model/builds").statusCode() == 202) return;
            pause();
        }
        throw new AssertionError("no model build could be started");
    }

    private static void awaitBasis(String user, String basis) {
        String last = null;
        for (int i = 0; i < 300; i++) {
            Response r = given().when().get("/api/v1/recommendations/users/" + user);
            if (r.statusCode() == 200) {
                last = r.path("basis");
                if (basis.equals(last)) return;
            }
            pause();
        }
        throw new AssertionError("recommendations for " + user + " never had basis " + basis + "; last " + last);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
