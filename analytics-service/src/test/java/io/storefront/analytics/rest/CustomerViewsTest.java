package io.storefront.analytics.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.storefront.testsupport.Images;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Customer views over a store of 60 customers in a state no other test uses ("Testland", 2039–2040),
 * checked against figures computed here from the rows written.
 */
@QuarkusTest
class CustomerViewsTest {

    private static final String STATE = "Testland";
    private static final LocalDate START = LocalDate.of(2039, 1, 1);
    private static boolean imported;

    /** Customer i has 1 + i % 5 orders, 40 days apart, starting 7·i days after START; order j costs 100·(i+1) + j. */
    private record Expected(String id, long orders, long revenue, LocalDate first, LocalDate last) {
    }

    private static List<Expected> customers() {
        List<Expected> out = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int orders = 1 + i % 5;
            long revenue = 0;
            for (int j = 0; j < orders; j++) revenue += 100L * (i + 1) + j;
            LocalDate first = START.plusDays(7L * i);
            out.add(new Expected("T-%03d".formatted(i), orders, revenue, first, first.plusDays(40L * (orders - 1))));
        }
        return out;
    }

    @BeforeEach
    void importOnce() {
        if (imported) return;
        StringBuilder csv = new StringBuilder("order_id,order_date,customer_id,customer_name,state,city,category,"
                + "sub_category,quantity,amount,profit,payment_mode\n");
        for (int i = 0; i < 60; i++) {
            for (int j = 0; j < 1 + i % 5; j++) {
                csv.append("TL-%d-%d,%s,T-%03d,Customer %d,%s,Testville,Books,Novels,1,%d,10,UPI\n".formatted(i, j,
                        START.plusDays(7L * i + 40L * j), i, i, STATE, 100 * (i + 1) + j));
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals("succeeded", ImportJobs.flat("testland.csv", csv.toString().getBytes()).getString("status"));
        imported = true;
    }

    private static JsonPath get(String path, Map<String, ?> params) {
        return given().queryParam("state", STATE).queryParams(params).when().get(path)
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    @Test
    void valueSegmentsByTercileAndByFixedThresholds() {
        long[] spend = customers().stream().mapToLong(Expected::revenue).sorted().toArray();
        long low = spend[20 - 1], high = spend[40 - 1]; // nearest rank of 1/3 and 2/3 of 60
        JsonPath json = get("/api/v1/customers/segments", Map.of("charts", "none"));
        assertEquals(60, json.getInt("customers"));
        assertEquals("quantile", json.getString("thresholds.method"));
        assertEquals(BigDecimal.valueOf(low), SeedImportAndSalesTest.decimal(json.get("thresholds.low")));
        assertEquals(BigDecimal.valueOf(high), SeedImportAndSalesTest.decimal(json.get("thresholds.high")));
        long[] expected = new long[3];
        for (long s : spend) expected[s <= low ? 0 : s <= high ? 1 : 2]++;
        assertEquals(List.of("Low", "Medium", "High"), json.getList("segments.name"));
        assertEquals(Arrays.stream(expected).boxed().toList(),
                json.getList("segments.customers", Long.class));

        JsonPath fixed = get("/api/v1/customers/segments", Map.of("thresholds", "fixed", "low", "1000", "high", "5000",
                "charts", "none"));
        long[] byFixed = new long[3];
        for (long s : spend) byFixed[s <= 1000 ? 0 : s <= 5000 ? 1 : 2]++;
        assertEquals(Arrays.stream(byFixed).boxed().toList(), fixed.getList("segments.customers", Long.class));
        assertEquals(BigDecimal.valueOf(Arrays.stream(spend).sum()), SeedImportAndSalesTest.decimal(fixed.get("revenue")));
    }

    @Test
    void frequencyAndTimeBetweenOrders() {
        JsonPath json = get("/api/v1/customers/frequency", Map.of("charts", "none"));
        assertEquals(48, json.getInt("repeatCustomers"), "all but those with one order");
        assertEquals(List.of(12, 12, 12, 12, 12, 0, 0), json.getList("ordersPerCustomer.customers", Integer.class));
        assertEquals(40.0, json.getDouble("medianDaysBetweenOrders"), "orders are 40 days apart");
        assertEquals(48, json.getInt("daysBetweenOrders[2].customers"), "31–60 days");
    }

    @Test
    void theStoresCohortsAreItsStatesSummed() {
        // a second state's customers, so that there is something to sum (re-importing them changes nothing)
        ImportJobs.flat("otherland.csv", ("order_id,order_date,customer_id,customer_name,state,city,category,sub_category,"
                + "quantity,amount,profit,payment_mode\nOL-1,2039-02-03,O-1,Ola,Otherland,Oville,Books,Novels,1,50,5,UPI\n"
                + "OL-2,2039-05-03,O-1,Ola,Otherland,Oville,Books,Novels,1,60,5,UPI\n").getBytes());
        List<String> states = given().when().get("/api/v1/sales/dimensions").then().statusCode(200).extract().jsonPath()
                .getList("states.name", String.class);
        assertTrue(states.size() > 1, states.toString());
        Map<String, Long> summed = new TreeMap<>();
        for (String state : states) {
            cohortCounts(given().queryParam("state", state), summed);
        }
        Map<String, Long> store = new TreeMap<>();
        cohortCounts(given(), store);
        assertEquals(summed, store);
    }

    /** Adds a cohort view's active customers, keyed by cohort month and months since, to {@code into}. */
    @SuppressWarnings("unchecked")
    private static void cohortCounts(io.restassured.specification.RequestSpecification request, Map<String, Long> into) {
        List<Map<String, Object>> cohorts = request.queryParam("months", "36").queryParam("charts", "none")
                .when().get("/api/v1/customers/cohorts").then().statusCode(200).extract().jsonPath().getList("cohorts");
        for (Map<String, Object> c : cohorts) {
            List<Number> active = (List<Number>) c.get("active");
            for (int k = 0; k < active.size(); k++) {
                if (active.get(k) != null) into.merge(c.get("month") + " +" + k, active.get(k).longValue(), Long::sum);
            }
        }
    }

    @Test
    void cohortsMatchFirstOrderMonths() {
        // expected: per first-order month, customers active k months later
        Map<LocalDate, long[]> expected = new TreeMap<>();
        LocalDate lastMonth = customers().stream().map(Expected::last).max(LocalDate::compareTo).orElseThrow().withDayOfMonth(1);
        for (Expected c : customers()) {
            LocalDate cohort = c.first().withDayOfMonth(1);
            long[] row = expected.computeIfAbsent(cohort, k -> new long[40]);
            java.util.Set<Long> months = new java.util.HashSet<>();
            for (int j = 0; j < c.orders(); j++) {
                months.add(ChronoUnit.MONTHS.between(cohort, c.first().plusDays(40L * j).withDayOfMonth(1)));
            }
            months.forEach(k -> row[k.intValue()]++);
        }
        JsonPath json = get("/api/v1/customers/cohorts", Map.of("months", "36", "charts", "none"));
        List<Map<String, Object>> cohorts = json.getList("cohorts");
        assertEquals(expected.size(), cohorts.size());
        for (Map<String, Object> c : cohorts) {
            long[] row = expected.get(LocalDate.parse((String) c.get("month")));
            assertEquals(row[0], ((Number) c.get("customers")).longValue());
            @SuppressWarnings("unchecked") List<Number> active = (List<Number>) c.get("active");
            for (int k = 0; k < active.size(); k++) assertEquals(row[k], active.get(k).longValue(), c.get("month") + " +" + k);
        }
        assertTrue(LocalDate.parse(json.getString("lastMonth")).isAfter(lastMonth.minusDays(1)));
    }

    @Test
    void rfmAndClustersCoverEveryCustomer() {
        JsonPath rfm = get("/api/v1/customers/rfm", Map.of("charts", "none"));
        assertEquals(60, rfm.getList("segments.customers", Integer.class).stream().mapToInt(i -> i).sum());
        long gridTotal = 0;
        for (List<Integer> row : rfm.<List<Integer>>getList("grid")) gridTotal += row.stream().mapToInt(i -> i).sum();
        assertEquals(60, gridTotal);

        JsonPath clusters = get("/api/v1/customers/clusters", Map.of("k", "3", "charts", "none"));
        assertEquals(3, clusters.getInt("k"));
        assertEquals(60, clusters.getList("clusters.customers", Integer.class).stream().mapToInt(i -> i).sum());
        clusters.getList("clusters.description", String.class).forEach(d -> assertTrue(d.contains("customers; last order")));
        // as many clusters as allowed: some share their words, and the chart needs a distinct name for each
        JsonPath ten = get("/api/v1/customers/clusters", Map.of("k", "10", "charts", "png"));
        List<String> labels = ten.getList("clusters.label", String.class);
        assertEquals(labels.size(), new java.util.HashSet<>(labels).size(), labels.toString());
        JsonPath chosen = get("/api/v1/customers/clusters", Map.of("charts", "none"));
        assertEquals(true, chosen.getBoolean("chosenBySilhouette"));
        assertTrue(chosen.getMap("silhouetteByK").size() >= 2);
    }

    @Test
    void oneCustomersProfile() {
        Expected c = customers().get(7);
        JsonPath json = given().when().get("/api/v1/customers/profiles/" + c.id()).then().statusCode(200).extract().jsonPath();
        assertEquals(c.orders(), json.getLong("orders"));
        assertEquals(BigDecimal.valueOf(c.revenue()), SeedImportAndSalesTest.decimal(json.get("revenue")));
        assertEquals(c.first().toString(), json.getString("firstOrder"));
        assertEquals(c.last().toString(), json.getString("lastOrder"));
        assertEquals("Novels", json.getString("topSubCategories[0].subCategory"));
        assertEquals(c.orders(), json.getList("recentOrders").size());
        assertTrue(json.getInt("rfm.recency") >= 1 && json.getInt("rfm.recency") <= 5);
        given().when().get("/api/v1/customers/profiles/nobody-at-all").then().statusCode(404)
                .contentType("application/problem+json");
        // no stored name can hold a NUL character: bad input, not an error of ours
        given().urlEncodingEnabled(false).when().get("/api/v1/customers/profiles/a%00b").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void chartsAreRealImages() {
        for (String chart : List.of("value-segments", "value-segments-revenue", "rfm-segments", "rfm-scatter", "clusters",
                "orders-per-customer", "days-between-orders", "spend-per-customer", "cohorts")) {
            byte[] png = given().queryParam("state", STATE).when().get("/api/v1/customers/charts/" + chart + ".png")
                    .then().statusCode(200).contentType("image/png").extract().asByteArray();
            Images.assertRealChart(png, 800);
        }
    }

    @Test
    void badParametersAreClearProblems() {
        given().queryParam("k", "0").when().get("/api/v1/customers/clusters").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("k"));
        given().queryParam("k", "11").when().get("/api/v1/customers/clusters").then().statusCode(400);
        given().queryParam("k", "three").when().get("/api/v1/customers/clusters").then().statusCode(400);
        given().queryParam("thresholds", "fixed").queryParam("low", "5000").queryParam("high", "1000")
                .when().get("/api/v1/customers/segments").then().statusCode(400).body("errors[0].field", equalTo("high"));
        given().queryParam("low", "-3").when().get("/api/v1/customers/segments").then().statusCode(400);
        given().queryParam("thresholds", "median").when().get("/api/v1/customers/segments").then().statusCode(400);
        given().queryParam("state", "Atlantis").when().get("/api/v1/customers/rfm").then().statusCode(400)
                .body("errors[0].field", equalTo("state"));
        given().queryParam("months", "99").when().get("/api/v1/customers/cohorts").then().statusCode(400);
    }
}
