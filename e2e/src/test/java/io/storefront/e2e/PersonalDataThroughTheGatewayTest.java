package io.storefront.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A customer asks the store for their data, then to forget them: one request each at the gateway, and every packaged
 * service does its part, while the store's figures and what the purchases teach the recommender stay.
 */
class PersonalDataThroughTheGatewayTest {

    private static final String GONE = "CUST-GONE";

    static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = Suite.start();
        Suite.sendAdminKey();
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) suite.close();
    }

    private static RequestSpecification gateway() {
        return given().baseUri(suite.url("gateway"));
    }

    @Test
    void aCustomerSeesAllTheirDataAndOneRequestForgetsThemInEveryService() {
        String csv = "order_id,order_date,customer_id,customer_name,state,city,product_id,product_name,category,"
                + "sub_category,quantity,amount,profit,payment_mode\n"
                + "G-1,2025-03-01," + GONE + ",Meera Private,Goa,Panaji,LAMP,Desk Lamp,Home,Lamps,1,900,90,UPI\n"
                + "G-1,2025-03-01," + GONE + ",Meera Private,Goa,Panaji,BULB,LED Bulb,Home,Lamps,2,200,20,UPI\n"
                + "G-2,2025-04-01," + GONE + ",Meera Private,Goa,Panaji,LAMP,Desk Lamp,Home,Lamps,1,900,90,UPI\n"
                + "K-1,2025-03-02,CUST-KEPT,Arjun Stays,Kerala,Kochi,LAMP,Desk Lamp,Home,Lamps,1,900,90,COD\n"
                + "K-1,2025-03-02,CUST-KEPT,Arjun Stays,Kerala,Kochi,BULB,LED Bulb,Home,Lamps,1,100,10,COD\n";
        String job = gateway().multiPart("file", "orders.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/api/v1/analytics/imports/order-lines").then().statusCode(202).extract().header("Location");
        assertEquals("succeeded", Jobs.awaitEnd(suite.url("gateway"), job, Duration.ofSeconds(60)));
        gateway().contentType(ContentType.JSON).body(List.of(
                        Map.of("reviewId", "REV-GONE", "productId", "BULB", "customerId", GONE, "rating", 1,
                                "text", "Flickers and died in a week. I am Meera from Panaji."),
                        Map.of("reviewId", "REV-KEPT", "productId", "LAMP", "customerId", "CUST-KEPT", "rating", 5,
                                "text", "Bright and sturdy.")))
                .when().post("/api/v1/sentiment/reviews").then().statusCode(200).body("stored", equalTo(2));
        gateway().contentType(ContentType.JSON)
                .body("[{\"userId\":\"" + GONE + "\",\"productId\":\"LAMP\",\"kind\":\"view\",\"occurredAt\":\"2025-05-01\"}]")
                .when().post("/api/v1/interactions").then().statusCode(200).body("stored", equalTo(1));
        gateway().contentType(ContentType.JSON).body("{\"categories\":[\"Lamps\"]}")
                .when().put("/api/v1/users/" + GONE + "/preferences").then().statusCode(200);
        syncAndBuild();
        gateway().when().get("/api/v1/recommendations/users/" + GONE).then().statusCode(200).body("basis", equalTo("history"));
        String revenue = revenue();
        int usersBefore = modelUsers();
        gateway().when().get("/api/v1/personal-data/" + GONE).then().statusCode(200)
                .body("services.analytics.orders.orderId", equalTo(List.of("G-1", "G-2")))
                .body("services.analytics.orders[0].customerName", equalTo("Meera Private"))
                .body("services.analytics.orders[0].lines.productId", equalTo(List.of("LAMP", "BULB")))
                .body("services.sentiment.reviews.reviewId", equalTo(List.of("REV-GONE")))
                .body("services.recommender.interactions.size()", equalTo(1))
                .body("services.recommender.purchases.size()", equalTo(3))
                .body("services.recommender.preferences[0].categories", equalTo(List.of("Lamps")));

        gateway().when().delete("/api/v1/personal-data/" + GONE).then().statusCode(200)
                .body("customerId", equalTo(GONE))
                .body("services.analytics.ordersMadeAnonymous", equalTo(2))
                .body("services.sentiment.reviewsDeleted", equalTo(1))
                .body("services.recommender.purchasesDeleted", equalTo(3))
                .body("services.recommender.interactionsDeleted", equalTo(1))
                .body("services.recommender.preferencesDeleted", equalTo(1));

        gateway().when().get("/api/v1/analytics/customers/profiles/" + GONE).then().statusCode(404);
        gateway().when().get("/api/v1/analytics/customers/profiles/CUST-KEPT").then().statusCode(200);
        gateway().when().get("/api/v1/sentiment/reviews/REV-GONE").then().statusCode(404);
        gateway().when().get("/api/v1/sentiment/products/BULB").then().statusCode(404);
        gateway().when().get("/api/v1/users/" + GONE + "/preferences").then().statusCode(404);
        assertEquals(revenue, revenue(), "the store's revenue counts the erased customer's orders still");
        gateway().when().get("/api/v1/personal-data/" + GONE).then().statusCode(200)
                .body("services.analytics.orders.size()", equalTo(0))
                .body("services.sentiment.reviews.size()", equalTo(0))
                .body("services.recommender.interactions.size()", equalTo(0))
                .body("services.recommender.purchases.size()", equalTo(0))
                .body("services.recommender.preferences.size()", equalTo(0));

        // the recommender reads the orders again under the pseudonym: their co-purchases still teach it, anonymously
        syncAndBuild();
        assertEquals(usersBefore, modelUsers(), "the customer's purchases are back as an anonymous customer's");
        gateway().when().get("/api/v1/recommendations/users/" + GONE).then().statusCode(200)
                .body("basis", equalTo("popularity")).body("knownUser", equalTo(false));

        gateway().when().delete("/api/v1/personal-data/" + GONE).then().statusCode(200)
                .body("services.analytics.ordersMadeAnonymous", equalTo(0))
                .body("services.recommender.purchasesDeleted", equalTo(0));
    }

    private static void syncAndBuild() {
        gateway().when().post("/api/v1/recommender/sync").then().statusCode(200);
        for (int attempt = 0; attempt < 100; attempt++) {
            var answer = gateway().when().post("/api/v1/recommender/model/builds");
            if (answer.statusCode() == 202) {
                assertEquals("succeeded", Jobs.awaitEnd(suite.url("gateway"), answer.header("Location"), Duration.ofSeconds(30)));
                return;
            }
            answer.then().statusCode(409); // the build the erasure started is still running
            Suite.sleep(200);
        }
        throw new AssertionError("no model build could be started");
    }

    private static int modelUsers() {
        return gateway().when().get("/api/v1/recommender/model").then().statusCode(200).extract().path("facts.users");
    }

    private static String revenue() {
        return gateway().queryParam("charts", "none").when().get("/api/v1/analytics/sales/summary")
                .then().statusCode(200).extract().jsonPath().getString("totals.revenue");
    }
}
