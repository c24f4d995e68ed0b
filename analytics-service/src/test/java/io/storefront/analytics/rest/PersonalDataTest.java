package io.storefront.analytics.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.storefront.testsupport.ChangeFeeds;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A customer who asks to be forgotten: no longer to be found, while the store's figures stay what they were. */
@QuarkusTest
class PersonalDataTest {

    private static final String HEADER = "order_id,order_date,customer_id,customer_name,state,city,product_id,"
            + "product_name,category,sub_category,quantity,amount,profit,payment_mode\n";

    @Inject
    Pool pool;

    @Test
    void anErasedCustomerIsGoneButTheirOrdersStillCount() {
        String key = "ERASE-" + System.nanoTime(), other = "KEEP-" + System.nanoTime();
        JsonPath job = ImportJobs.flat("erase.csv", HEADER
                + "ER-" + key + "-1,2036-03-01," + key + ",Priya Secretname,Goa,Panaji,P1,Mat,Sports,Fitness,1,100,10,UPI\n"
                + "ER-" + key + "-2,2036-04-01," + key + ",Priya Secretname,Goa,Panaji,P2,Pan,Home & Kitchen,Cookware,2,50,5,COD\n"
                + "ER-" + other + ",2036-04-02," + other + ",Ravi Kept,Goa,Panaji,P1,Mat,Sports,Fitness,1,100,10,UPI\n");
        assertEquals("succeeded", job.getString("status"), job.prettify());
        given().when().get("/api/v1/customers/profiles/" + key).then().statusCode(200);
        given().when().get("/api/v1/personal-data/" + key).then().statusCode(200)
                .body("customerId", equalTo(key))
                .body("records.orders.orderId", equalTo(List.of("ER-" + key + "-1", "ER-" + key + "-2")))
                .body("records.orders[0].customerName", equalTo("Priya Secretname"))
                .body("records.orders[1].lines[0].productName", equalTo("Pan"))
                .body("records.orders[1].lines[0].amount", equalTo(50.0f))
                .body("records.orders[1].lines[0].paymentMode", equalTo("COD"));
        String revenueBefore = summaryRevenue();
        int customersBefore = customers();
        String cursor = ChangeFeeds.end("/api/v1/order-lines/changes");

        given().when().delete("/api/v1/personal-data/" + key).then().statusCode(200)
                .body("customerId", equalTo(key)).body("records.ordersMadeAnonymous", equalTo(2));

        given().when().get("/api/v1/customers/profiles/" + key).then().statusCode(404);
        given().when().get("/api/v1/personal-data/" + key).then().statusCode(200).body("records.orders.size()", equalTo(0));
        given().when().get("/api/v1/customers/profiles/" + other).then().statusCode(200).body("name", equalTo("Ravi Kept"));
        assertEquals(revenueBefore, summaryRevenue(), "the store's revenue is unchanged");
        assertEquals(customersBefore, customers(), "still one customer, under another name");
        String name = "Priya Secretname";
        assertEquals(0L, count("SELECT count(*) FROM analytics.orders WHERE customer_key = $1 OR customer_name = $2", key, name));
        assertEquals(0L, count("SELECT count(*) FROM analytics.customers WHERE customer_key = $1 OR customer_name = $2", key, name));
        assertEquals(0L, count("SELECT count(*) FROM analytics.customer_months WHERE customer_key = $1", key));

        // the recommender hears of both orders again, under one pseudonym that is not the id
        List<Map<String, Object>> lines = given().queryParam("after", cursor).queryParam("limit", 100)
                .when().get("/api/v1/order-lines/changes").then().statusCode(200).extract().jsonPath().getList("lines");
        assertEquals(Set.of("ER-" + key + "-1", "ER-" + key + "-2"),
                lines.stream().map(l -> (String) l.get("orderId")).collect(Collectors.toSet()));
        Set<Object> pseudonyms = lines.stream().map(l -> l.get("customerKey")).collect(Collectors.toSet());
        assertEquals(1, pseudonyms.size());
        String pseudonym = (String) pseudonyms.iterator().next();
        assertTrue(pseudonym.startsWith("erased-"), pseudonym);
        assertTrue(!pseudonym.contains(key), "the pseudonym does not contain the id");

        given().when().delete("/api/v1/personal-data/" + key).then().statusCode(200)
                .body("records.ordersMadeAnonymous", equalTo(0));
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely()
                .iterator().next().getLong(0);
    }

    private static String summaryRevenue() {
        return given().queryParam("charts", "none").queryParam("from", "2036-01-01").queryParam("to", "2036-12-31")
                .when().get("/api/v1/sales/summary").then().statusCode(200).extract().jsonPath().getString("totals.revenue");
    }

    private static int customers() {
        return given().queryParam("charts", "none").when().get("/api/v1/customers/segments")
                .then().statusCode(200).extract().jsonPath().getInt("customers");
    }
}
