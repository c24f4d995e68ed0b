package io.storefront.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.storefront.testsupport.Images;
import io.storefront.testsupport.SharedData;
import io.storefront.testsupport.SharedData.SeedTotals;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The vertical slice as a user meets it: packaged services, the seed imported, the original route at the gateway. */
class SalesThroughTheGatewayTest {

    static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = Suite.start();
        Suite.sendAdminKey();
        String job = given().baseUri(suite.url("analytics"))
                .multiPart("order", SharedData.seed("order.csv").toFile())
                .multiPart("detail", SharedData.seed("detail.csv").toFile())
                .when().post("/api/v1/imports/seed")
                .then().statusCode(202).extract().path("self");
        Jobs.awaitEnd(suite.url("analytics"), job, Duration.ofSeconds(60));
        given().baseUri(suite.url("analytics")).when().get(job).then()
                .body("status", equalTo("succeeded")).body("linesStored", equalTo(1500));
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) suite.close();
    }

    @Test
    void theOriginalSalesRouteAnswersWithMonthlyTotalsAndRealCharts() {
        SeedTotals expected = SeedTotals.compute();
        JsonPath json = given().baseUri(suite.url("gateway"))
                .when().get("/analytics/sales")
                .then().statusCode(200).contentType("application/json").extract().jsonPath();

        assertEquals("2018-01-01", json.getString("range.from"));
        List<Map<String, Object>> months = json.getList("monthly");
        assertEquals(expected.revenue().keySet().stream().toList(),
                months.stream().map(m -> (String) m.get("month")).toList(), "every month of 2018, in order");
        for (Map<String, Object> m : months) {
            String month = (String) m.get("month");
            assertEquals(0, BigDecimal.valueOf(expected.revenue().get(month)).compareTo(new BigDecimal(m.get("revenue").toString())), month);
            assertEquals(0, BigDecimal.valueOf(expected.profit().get(month)).compareTo(new BigDecimal(m.get("profit").toString())), month);
            assertEquals(expected.orders().getOrDefault(month, Set.of()).size(), ((Number) m.get("orders")).intValue(), month);
        }
        List<Map<String, Object>> modes = json.getList("paymentModes");
        double shares = modes.stream().mapToDouble(m -> ((Number) m.get("revenueShare")).doubleValue()).sum();
        assertEquals(1.0, shares, 0.001);
        for (Map<String, Object> chart : json.<Map<String, Object>>getList("charts")) {
            assertEquals("image/png", chart.get("mediaType"));
            Images.assertRealChart(Base64.getDecoder().decode((String) chart.get("data")), 800);
        }
    }

    @Test
    void theOriginalCustomerRouteSegmentsTheSeedsCustomers() {
        Map<String, Long> spend = new java.util.TreeMap<>();
        SharedData.seedLines().forEach(l -> spend.merge(l.customer(), l.amount(), Long::sum));
        long[] sorted = spend.values().stream().mapToLong(Long::longValue).sorted().toArray();
        long low = sorted[(int) Math.ceil(sorted.length / 3.0) - 1], high = sorted[(int) Math.ceil(2 * sorted.length / 3.0) - 1];
        long[] expected = new long[3];
        for (long s : sorted) expected[s <= low ? 0 : s <= high ? 1 : 2]++;

        JsonPath json = given().baseUri(suite.url("gateway")).when().get("/analytics/customer")
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
        assertEquals(spend.size(), json.getInt("customers"), "one customer per name in the seed");
        assertEquals(List.of(expected[0], expected[1], expected[2]), json.getList("segments.customers", Long.class));
        for (Map<String, Object> chart : json.<Map<String, Object>>getList("charts")) {
            Images.assertRealChart(Base64.getDecoder().decode((String) chart.get("data")), 800);
        }
        // and the other views answer through the gateway too
        for (String view : List.of("rfm", "clusters", "frequency", "cohorts")) {
            given().baseUri(suite.url("gateway")).queryParam("charts", "none")
                    .when().get("/api/v1/analytics/customers/" + view).then().statusCode(200);
        }
        for (String view : List.of("sales/trend", "sales/payment-modes", "sales/regions", "sales/profit",
                "sales/dimensions", "products/top", "products/treemap", "products/average-order-value")) {
            given().baseUri(suite.url("gateway")).queryParam("charts", "none")
                    .when().get("/api/v1/analytics/" + view).then().statusCode(200);
        }
        Images.assertRealChart(given().baseUri(suite.url("gateway")).when()
                .get("/api/v1/analytics/products/charts/treemap.png").then().statusCode(200).extract().asByteArray(), 800);
        String someone = spend.keySet().iterator().next();
        given().baseUri(suite.url("gateway")).when().get("/api/v1/analytics/customers/profiles/" + someone)
                .then().statusCode(200).body("name", equalTo(someone));
    }

    /**
     * The seed has no products, only sub-categories, so the recommender recommends at that grain. The
     * sub-category bought with Phones by the most customers (cosine over buyers) is computed here from the
     * files; the recommender must find the same one after reading the analytics feed through the gateway.
     */
    @Test
    void recommendationsFromTheSeedsOrdersAgreeWithAnIndependentCoPurchaseCount() {
        Map<String, Set<String>> buyers = new java.util.TreeMap<>();
        SharedData.seedLines().forEach(l -> buyers.computeIfAbsent(l.category() + " / " + l.subCategory(),
                k -> new java.util.HashSet<>()).add(l.customer()));
        String phones = "Electronics / Phones";
        Map<String, Double> cosine = new java.util.HashMap<>();
        for (var e : buyers.entrySet()) {
            if (e.getKey().equals(phones)) continue;
            Set<String> both = new java.util.HashSet<>(e.getValue());
            both.retainAll(buyers.get(phones));
            cosine.put(e.getKey(), both.size() / Math.sqrt((double) e.getValue().size() * buyers.get(phones).size()));
        }
        double best = cosine.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        List<String> top = cosine.entrySet().stream().filter(e -> e.getValue() == best).map(Map.Entry::getKey).toList();
        assertEquals(1, top.size(), "the check needs a single best neighbour: " + top);

        given().baseUri(suite.url("gateway")).when().post("/api/v1/recommender/sync").then().statusCode(200)
                .body("applied.'analytics.order-lines'", equalTo(1500));
        String build = given().baseUri(suite.url("gateway")).when().post("/api/v1/recommender/model/builds")
                .then().statusCode(202).extract().header("Location");
        assertEquals("succeeded", Jobs.awaitEnd(suite.url("gateway"), build, Duration.ofSeconds(30)));

        JsonPath together = given().baseUri(suite.url("gateway")).queryParam("items", phones).queryParam("k", "3")
                .when().get("/api/v1/recommendations/bought-together").then().statusCode(200).extract().jsonPath();
        assertEquals(top.get(0), together.getString("items[0].productId"));
        int shared = (int) Math.round(best * Math.sqrt((double) buyers.get(top.get(0)).size() * buyers.get(phones).size()));
        assertEquals("bought with Phones by " + shared + " customers", together.getString("items[0].reasons[0]"));

        String loyal = SharedData.seedLines().stream().collect(java.util.stream.Collectors.groupingBy(
                SharedData.SeedLine::customer, java.util.TreeMap::new, java.util.stream.Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        JsonPath forUser = given().baseUri(suite.url("gateway")).queryParam("user", loyal).queryParam("k", "5")
                .when().get("/recommend").then().statusCode(200).extract().jsonPath();
        assertEquals("history", forUser.getString("basis"));
        assertEquals(5, forUser.getList("items").size());
        for (int i = 0; i < 5; i++) assertTrue(!forUser.getList("items[" + i + "].reasons").isEmpty(), "every item says why");
    }


    @Test
    void everyServiceIsHealthyAndDocumented() {
        for (Suite.Service s : Suite.SERVICES) {
            given().baseUri(suite.url(s.name())).when().get("/q/health/ready").then().statusCode(200)
                    .body("status", equalTo("UP"));
            given().baseUri(suite.url(s.name())).when().get("/q/swagger-ui/").then().statusCode(200);
        }
    }

    @Test
    void anExportLargerThanTheGatewaysBodyLimitStreamsToAnalyticsWhole() {
        // 130,000 lines, about 19 MB: more than the 16M every other route of the gateway takes. Each line
        // has quantity 0, so analytics reads and rejects every one: the store the other tests check stays as it is.
        int lines = 130_000;
        StringBuilder csv = new StringBuilder("order_id,order_date,customer_id,customer_name,state,city,product_id,"
                + "product_name,category,sub_category,quantity,amount,profit,payment_mode\n");
        for (int i = 0; i < lines; i++) {
            csv.append("BIG-").append(i).append(",2023-01-01,C1,A customer of a very large export,Maharashtra,Pune,P1,")
                    .append("A product of a very large export,Electronics,Phones,0,0.00,0.00,UPI\n");
        }
        byte[] body = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(body.length > 16 << 20, "larger than the gateway's 16M body limit: " + body.length);
        String job = given().baseUri(suite.url("gateway")).multiPart("file", "big-export.csv", body, "text/csv")
                .when().post("/api/v1/analytics/imports/order-lines")
                .then().statusCode(202).extract().path("self");
        assertTrue(job.startsWith("/api/v1/analytics/imports/"), job);
        assertEquals("succeeded", Jobs.awaitEnd(suite.url("gateway"), job, Duration.ofSeconds(120)));
        given().baseUri(suite.url("gateway")).when().get(job).then()
                .body("rowsRead", equalTo(lines)).body("rowsRejected", equalTo(lines)).body("rowsStored", equalTo(0))
                .body("bytesTotal", equalTo(body.length));
    }

    @Test
    void importJobsListedAtTheGatewayLinkToTheGatewaysOwnPaths() {
        String self = given().baseUri(suite.url("gateway")).when().get("/api/v1/analytics/imports")
                .then().statusCode(200).extract().path("[0].self");
        assertTrue(self.startsWith("/api/v1/analytics/imports/"), self);
        given().baseUri(suite.url("gateway")).when().get(self).then().statusCode(200)
                .body("status", equalTo("succeeded")).body("self", equalTo(self));
        given().baseUri(suite.url("gateway")).when().get("/api/v1/analytics/imports/999999").then().statusCode(404)
                .contentType("application/problem+json").body("instance", equalTo("/api/v1/analytics/imports/999999"));
    }

    @Test
    void withAnalyticsDownOnlyItsRoutesFailAndTheyRecover() {
        suite.stop("analytics");
        try {
            long started = System.nanoTime();
            given().baseUri(suite.url("gateway")).when().get("/analytics/sales")
                    .then().statusCode(503).contentType("application/problem+json");
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5, "fails fast");
            given().baseUri(suite.url("gateway")).when().get("/q/health/live").then().statusCode(200);
            // the recommender keeps answering from what it synced, and says its order feed failed
            given().baseUri(suite.url("gateway")).when().post("/api/v1/recommender/sync").then().statusCode(200)
                    .body("errors.'analytics.order-lines'", org.hamcrest.Matchers.notNullValue());
            given().baseUri(suite.url("gateway")).when().get("/api/v1/recommender/model").then().statusCode(200)
                    .body("feeds.'analytics.order-lines'.lastError", org.hamcrest.Matchers.notNullValue());
            given().baseUri(suite.url("gateway")).queryParam("k", "3").when().get("/api/v1/recommendations/popular")
                    .then().statusCode(200);
        } finally {
            suite.launch("analytics");
            suite.awaitReady("analytics", Duration.ofSeconds(60));
        }
        // the circuit breaker may still be open for a few seconds after the service returns
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && status != 200) {
            status = given().baseUri(suite.url("gateway")).queryParam("charts", "none")
                    .when().get("/analytics/sales").then().extract().statusCode();
            if (status != 200) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        assertEquals(200, status, "the gateway recovers by itself");
    }
}
