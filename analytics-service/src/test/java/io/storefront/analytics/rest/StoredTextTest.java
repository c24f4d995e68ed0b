package io.storefront.analytics.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.storefront.testsupport.ChangeFeeds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Text reaches the database as imported, whatever it holds: imports write it in COPY's text format,
 * where a backslash, a tab or a line break would otherwise end a field, start an escape or stand for NULL.
 */
@QuarkusTest
class StoredTextTest {

    private static final String FEED = "/api/v1/order-lines/changes";

    private static final String HEADER = "order_id,order_date,customer_id,customer_name,state,city,product_id,"
            + "product_name,category,sub_category,quantity,amount,profit,payment_mode\n";

    /** Each is a product name and, reversed, a customer name. */
    private static final List<String> AWKWARD = List.of(
            "C:\\Users\\mug", "\\N", "\\.", "tab\there", "two\nlines", "carriage\rreturn", "back\\tslash-t",
            "quote \"inside\"", "caf\u00e9 \u2615 \ud83d\ude00", "trailing backslash\\");

    private static String csv(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    @Test
    void awkwardTextIsStoredAndReadBackUnchanged() {
        String cursor = ChangeFeeds.end(FEED);
        StringBuilder rows = new StringBuilder(HEADER);
        for (int i = 0; i < AWKWARD.size(); i++) {
            String name = AWKWARD.get(i);
            rows.append("TEXT-%d,2051-04-0%d,TC-%d,%s,Goa,Panaji,TP-%d,%s,Home,Decor,1,10,1,UPI\n".formatted(i, 1 + i % 9, i,
                    csv(new StringBuilder(name).reverse() + " " + i), i, csv(name)));
        }
        JsonPath job = ImportJobs.flat("awkward.csv", rows.toString());
        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals(AWKWARD.size(), job.getInt("linesStored"));

        JsonPath changes = ChangeFeeds.page(FEED, cursor);
        List<Map<String, Object>> lines = changes.getList("lines");
        assertEquals(AWKWARD.size(), lines.size());
        for (Map<String, Object> line : lines) {
            int i = Integer.parseInt(((String) line.get("orderId")).substring("TEXT-".length()));
            assertEquals(AWKWARD.get(i), line.get("productName"), "product name of line " + i);
            assertEquals("TP-" + i, line.get("productId"));
            String customer = given().when().get("/api/v1/customers/profiles/TC-" + i).then().statusCode(200)
                    .extract().jsonPath().getString("name");
            assertEquals(new StringBuilder(AWKWARD.get(i)).reverse() + " " + i, customer, "customer name of order " + i);
        }
    }
}
