package io.storefront.analytics.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.storefront.testsupport.ChangeFeeds;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Re-importing an order replaces it everywhere, including in the rollups of the day it used to be on. */
@QuarkusTest
class ReimportTest {

    private static final String HEADER = "order_id,order_date,customer_name,state,city,category,sub_category,"
            + "quantity,amount,profit,payment_mode\n";

    private static void upload(String rows) {
        org.junit.jupiter.api.Assertions.assertEquals("succeeded", ImportJobs.flat("orders.csv", (HEADER + rows).getBytes()).getString("status"));
    }

    private static JsonPath year2035() {
        return given().queryParam("from", "2035-01-01").queryParam("to", "2035-12-31").queryParam("charts", "none")
                .when().get("/api/v1/sales/summary").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> month(JsonPath json, int index) {
        return json.<Map<String, Object>>getList("monthly").get(index);
    }

    @Test
    void aMovedOrderLeavesItsOldDayAndLinesAreReplacedNotAdded() {
        upload("RE-1,2035-01-10,Asha,Goa,Goa,Clothing,Saree,1,100,10,UPI\n"
                + "RE-1,2035-01-10,Asha,Goa,Goa,Clothing,Stole,2,50,5,COD\n"
                + "RE-2,2035-01-11,Ravi,Goa,Goa,Furniture,Chairs,1,70,7,UPI\n");
        JsonPath before = year2035();
        assertEquals(2, ((Number) month(before, 0).get("orders")).intValue());
        assertEquals(0, new BigDecimal("220").compareTo(new BigDecimal(month(before, 0).get("revenue").toString())));

        // RE-1 comes back on another day with one line instead of two
        upload("RE-1,2035-02-03,Asha,Goa,Goa,Clothing,Saree,3,300,30,EMI\n");
        JsonPath after = year2035();
        assertEquals(1, ((Number) month(after, 0).get("orders")).intValue(), "January keeps only RE-2");
        assertEquals(0, new BigDecimal("70").compareTo(new BigDecimal(month(after, 0).get("revenue").toString())));
        assertEquals(1, ((Number) month(after, 1).get("orders")).intValue());
        assertEquals(0, new BigDecimal("300").compareTo(new BigDecimal(month(after, 1).get("revenue").toString())));
        List<Map<String, Object>> modes = after.getList("paymentModes");
        assertEquals(List.of("EMI", "UPI"), modes.stream().map(m -> m.get("mode")).toList(),
                "COD disappears with RE-1's old line");
        assertEquals(2, after.getInt("totals.orders"));
    }

    @Test
    void customersFollowTheirOrdersThroughReimports() {
        upload("RC-1,2047-06-10,Customer Ada 2047,Goa,Goa,Clothing,Saree,1,100,10,UPI\n"
                + "RC-2,2047-07-10,Customer Ada 2047,Goa,Goa,Clothing,Saree,1,40,4,UPI\n"
                + "RC-3,2047-08-10,Customer Ben 2047,Goa,Goa,Clothing,Saree,1,10,1,UPI\n");
        // a later file only adds an order of Ada's, and moves RC-3 from Ben to Ada
        upload("RC-4,2047-09-01,Customer Ada 2047,Kerala,Kochi,Clothing,Saree,1,5,1,UPI\n"
                + "RC-3,2047-08-10,Customer Ada 2047,Goa,Goa,Clothing,Saree,1,10,1,UPI\n");
        JsonPath ada = given().when().get("/api/v1/customers/profiles/Customer Ada 2047").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(4, ada.getInt("orders"));
        assertEquals(0, new BigDecimal("155").compareTo(new BigDecimal(ada.getString("revenue"))));
        assertEquals("2047-06-10", ada.getString("firstOrder"));
        assertEquals("2047-09-01", ada.getString("lastOrder"));
        assertEquals("Kerala", ada.getString("state"), "from the latest order");
        assertEquals(4, ada.getList("months").size());
        given().when().get("/api/v1/customers/profiles/Customer Ben 2047").then().statusCode(404);

        // a file of new orders only: the customer's figures grow by them
        upload("RC-5,2047-05-01,Customer Ada 2047,Goa,Panaji,Clothing,Saree,2,20,2,UPI\n");
        JsonPath grown = given().when().get("/api/v1/customers/profiles/Customer Ada 2047").then().extract().jsonPath();
        assertEquals(5, grown.getInt("orders"));
        assertEquals("2047-05-01", grown.getString("firstOrder"));
        assertEquals("Kerala", grown.getString("state"), "an older order does not change the latest place");
    }

    @Test
    void aReimportNotGroupedByOrderReplacesAndAddsWholeOrders() {
        upload("RS-1,2052-03-01,Rae,Goa,Goa,Books,Novels,1,100,10,UPI\n"
                + "RS-1,2052-03-01,Rae,Goa,Goa,Books,Comics,1,50,5,UPI\n"
                + "RS-2,2052-03-02,Sam,Goa,Goa,Books,Novels,1,70,7,UPI\n");
        String cursor = ChangeFeeds.end("/api/v1/order-lines/changes");
        // RS-1 (stored) and RS-3 (new) each come in two pieces; RS-4 is new and whole
        upload("RS-1,2052-03-01,Rae,Goa,Goa,Books,Novels,2,200,20,UPI\n"
                + "RS-3,2052-03-05,Sam,Goa,Goa,Toys,Blocks,1,30,3,COD\n"
                + "RS-1,2052-03-01,Rae,Goa,Goa,Toys,Blocks,1,20,2,UPI\n"
                + "RS-3,2052-03-05,Sam,Goa,Goa,Books,Comics,1,15,1,COD\n"
                + "RS-4,2052-03-06,Rae,Goa,Goa,Books,Novels,1,5,1,UPI\n");
        JsonPath march = given().queryParam("from", "2052-03-01").queryParam("to", "2052-03-31").queryParam("charts", "none")
                .when().get("/api/v1/sales/summary").then().statusCode(200).extract().jsonPath();
        assertEquals(4, march.getInt("totals.orders"), "RS-1 replaced, RS-2 kept, RS-3 and RS-4 added");
        assertEquals(0, new BigDecimal("340").compareTo(new BigDecimal(march.getString("totals.revenue"))),
                "220 + 70 + 45 + 5");
        JsonPath rae = given().when().get("/api/v1/customers/profiles/Rae").then().statusCode(200).extract().jsonPath();
        assertEquals(2, rae.getInt("orders"));
        assertEquals(0, new BigDecimal("225").compareTo(new BigDecimal(rae.getString("revenue"))));
        JsonPath sam = given().when().get("/api/v1/customers/profiles/Sam").then().statusCode(200).extract().jsonPath();
        assertEquals(2, sam.getInt("orders"));
        assertEquals("2052-03-05", sam.getString("lastOrder"));

        JsonPath changes = given().queryParam("after", cursor).queryParam("limit", 100).when()
                .get("/api/v1/order-lines/changes").then().statusCode(200).extract().jsonPath();
        Map<String, Integer> linesPerOrder = new java.util.TreeMap<>();
        for (String order : changes.getList("lines.orderId", String.class)) linesPerOrder.merge(order, 1, Integer::sum);
        assertEquals(Map.of("RS-1", 2, "RS-3", 2, "RS-4", 1), linesPerOrder, "each order of the file once, whole");
    }
}
