package io.storefront.analytics.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.storefront.testsupport.Images;
import io.storefront.testsupport.PrometheusMetrics;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Views carry an ETag tied to the data version; charts are served as images for <img src>. */
@QuarkusTest
class ChartCachingTest {

    private static final String HEADER = "order_id,order_date,customer_name,state,city,category,sub_category,"
            + "quantity,amount,profit,payment_mode\n";

    private static void importOrder(String id) {
        org.junit.jupiter.api.Assertions.assertEquals("succeeded", ImportJobs.flat("orders.csv",
                HEADER + id + ",2036-05-05,Asha,Goa,Goa,Clothing,Saree,1,100,10,UPI\n").getString("status"));
    }

    @Test
    void aRepeatedRequestIsNotModifiedUntilAnImportChangesTheData() {
        importOrder("ETAG-1");
        String etag = given().queryParam("from", "2036-01-01").queryParam("to", "2036-12-31")
                .when().get("/api/v1/sales/summary")
                .then().statusCode(200).header("Cache-Control", containsString("max-age=60"))
                .extract().header("ETag");
        assertTrue(etag != null && etag.startsWith("\"sales-summary-v"), etag);

        given().queryParam("from", "2036-01-01").queryParam("to", "2036-12-31").header("If-None-Match", etag)
                .when().get("/api/v1/sales/summary").then().statusCode(304);
        given().queryParam("from", "2036-01-01").queryParam("to", "2036-11-30").header("If-None-Match", etag)
                .when().get("/api/v1/sales/summary").then().statusCode(200);

        // the view asked again is a cache hit, as operators see it
        double hits = PrometheusMetrics.value(PrometheusMetrics.scrape(), "storefront_analytics_view_cache_lookups_total",
                "cache", "sales", "result", "hit");
        given().queryParam("from", "2036-01-01").queryParam("to", "2036-11-30").when().get("/api/v1/sales/summary")
                .then().statusCode(200);
        assertTrue(PrometheusMetrics.value(PrometheusMetrics.scrape(), "storefront_analytics_view_cache_lookups_total",
                "cache", "sales", "result", "hit") >= hits + 1);

        importOrder("ETAG-2");
        String after = given().queryParam("from", "2036-01-01").queryParam("to", "2036-12-31").header("If-None-Match", etag)
                .when().get("/api/v1/sales/summary")
                .then().statusCode(200).body("totals.orders", equalTo(2)).extract().header("ETag");
        assertNotEquals(etag, after, "an import is a new data version");
    }

    @Test
    void chartsAreServedAsPngAndSvgImages() {
        importOrder("IMG-1");
        byte[] png = given().queryParam("from", "2036-01-01").queryParam("to", "2036-12-31")
                .when().get("/api/v1/sales/charts/monthly-sales.png")
                .then().statusCode(200).contentType("image/png").header("ETag", not(equalTo(null)))
                .extract().asByteArray();
        Images.assertRealChart(png, 800);
        String svg = new String(given().when().get("/api/v1/sales/charts/payment-modes.svg")
                .then().statusCode(200).contentType("image/svg+xml").extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(svg.contains("<svg"));
        String tag = given().when().get("/api/v1/sales/charts/payment-modes.svg").then().extract().header("ETag");
        given().header("If-None-Match", tag).when().get("/api/v1/sales/charts/payment-modes.svg").then().statusCode(304);
        assertEquals(1, given().queryParam("charts", "svg").queryParam("from", "2036-01-01").queryParam("to", "2036-12-31")
                .when().get("/api/v1/sales/summary").then().statusCode(200)
                .extract().jsonPath().getList("charts.findAll { it.mediaType == 'image/svg+xml' && it.name == 'payment-modes' }").size());
    }

    @Test
    void unknownChartsAndFormatsAreNotFoundProblems() {
        given().when().get("/api/v1/sales/charts/monthly-sales.gif").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString(".png or"));
        given().when().get("/api/v1/sales/charts/treemap.png").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("monthly-sales, payment-modes"));
        given().queryParam("from", "nope").when().get("/api/v1/sales/charts/monthly-sales.png").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
