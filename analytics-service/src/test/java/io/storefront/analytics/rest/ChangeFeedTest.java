package io.storefront.analytics.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The recommender's view of purchases: whole orders, in commit order, resumable from a cursor. */
@QuarkusTest
class ChangeFeedTest {

    private static final String HEADER = "order_id,order_date,customer_id,customer_name,state,city,product_id,"
            + "product_name,category,sub_category,quantity,amount,profit,payment_mode\n";

    private static void upload(String rows) {
        org.junit.jupiter.api.Assertions.assertEquals("succeeded", ImportJobs.flat("feed.csv", (HEADER + rows).getBytes()).getString("status"));
    }

    private static JsonPath page(String after, int limit) {
        return given().queryParam("after", after).queryParam("limit", limit)
                .when().get("/api/v1/order-lines/changes").then().statusCode(200).extract().jsonPath();
    }

    /** Reads the feed from {@code after} to its end, one order per page, applying replacements. */
    private static String readAll(String after, Map<String, List<String>> productsByOrder) {
        String cursor = after;
        for (int pages = 0; pages < 10_000; pages++) {
            JsonPath p = page(cursor, 1);
            List<Map<String, Object>> lines = p.getList("lines");
            Map<String, List<String>> orders = new LinkedHashMap<>();
            for (Map<String, Object> l : lines) {
                orders.computeIfAbsent((String) l.get("orderId"), k -> new ArrayList<>()).add((String) l.get("productId"));
            }
            assertTrue(orders.size() <= 1, "limit counts orders");
            productsByOrder.putAll(orders);
            cursor = p.getString("cursor");
            if (!p.getBoolean("hasMore")) return cursor;
        }
        throw new AssertionError("feed never ended");
    }

    @Test
    void aConsumerSeesEveryOrderOnceAndReimportsAsReplacements() {
        String start = "0"; // skip whatever other tests stored before
        for (JsonPath p = page(start, 5000); ; p = page(start, 5000)) {
            start = p.getString("cursor");
            if (!p.getBoolean("hasMore")) break;
        }
        upload("FEED-1,2037-01-01,C1,Asha,Goa,Goa,P1,Mat,Sports,Fitness,1,10,1,UPI\n"
                + "FEED-2,2037-01-02,C2,Ravi,Goa,Goa,P2,Pan,Home & Kitchen,Cookware,2,20,2,COD\n"
                + "FEED-1,2037-01-01,C1,Asha,Goa,Goa,P3,Tee,Clothing,T-shirt,1,30,3,UPI\n");
        Map<String, List<String>> seen = new LinkedHashMap<>();
        String cursor = readAll(start, seen);
        assertEquals(Map.of("FEED-1", List.of("P1", "P3"), "FEED-2", List.of("P2")), seen);

        JsonPath nothingNew = page(cursor, 10);
        assertEquals(0, nothingNew.getList("lines").size());
        assertEquals(cursor, nothingNew.getString("cursor"), "an empty page keeps the cursor");
        assertFalse(nothingNew.getBoolean("hasMore"));

        upload("FEED-1,2037-01-01,C1,Asha,Goa,Goa,P9,Saree,Clothing,Saree,1,99,9,UPI\n");
        Map<String, List<String>> changes = new LinkedHashMap<>();
        readAll(cursor, changes);
        assertEquals(Map.of("FEED-1", List.of("P9")), changes, "only the re-imported order, with its new lines");
    }

    @Test
    void badCursorsAndLimitsAreProblems() {
        given().queryParam("after", "abc").when().get("/api/v1/order-lines/changes")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("after"));
        given().queryParam("limit", "0").when().get("/api/v1/order-lines/changes")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("limit", "100000").when().get("/api/v1/order-lines/changes")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }
}
