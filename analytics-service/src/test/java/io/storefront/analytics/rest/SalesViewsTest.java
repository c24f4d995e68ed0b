package io.storefront.analytics.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.storefront.testsupport.Images;
import io.storefront.testsupport.SharedData;
import io.storefront.testsupport.SharedData.SeedLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every sales view on the seed's data, checked against figures computed here from the raw files
 * (plain string splitting in {@link SharedData#seedLines()}), never against the service's own output.
 */
@QuarkusTest
class SalesViewsTest {

    private static final List<SeedLine> SEED = SharedData.seedLines();

    private static boolean imported;

    @BeforeEach
    void importSeedOnce() {
        // re-importing the seed changes nothing (other test classes import it too), so once is enough
        if (!imported) {
            SeedImportAndSalesTest.importSeed();
            imported = true;
        }
    }

    /** Expected figures per group over the lines that pass {@code keep}. */
    private record Expected(long revenue, long profit, long units, Set<String> orders) {
    }

    private static Map<String, Expected> expected(Predicate<SeedLine> keep, Function<SeedLine, String> group) {
        Map<String, Expected> out = new HashMap<>();
        for (SeedLine l : SEED) {
            if (!keep.test(l)) continue;
            Expected e = out.computeIfAbsent(group.apply(l), k -> new Expected(0, 0, 0, new HashSet<>()));
            e.orders().add(l.orderId());
            out.put(group.apply(l), new Expected(e.revenue() + l.amount(), e.profit() + l.profit(),
                    e.units() + l.quantity(), e.orders()));
        }
        return out;
    }

    private static Predicate<SeedLine> between(String from, String to) {
        LocalDate f = LocalDate.parse(from), t = LocalDate.parse(to);
        return l -> !l.day().isBefore(f) && !l.day().isAfter(t);
    }

    private static JsonPath get(String path, Map<String, ?> params) {
        return given().queryParams(params).queryParam("charts", "none").when().get(path)
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    private static void assertGroups(Map<String, Expected> expected, JsonPath json) {
        List<Map<String, Object>> groups = json.getList("groups");
        assertEquals(expected.keySet(), groups.stream().map(g -> (String) g.get("key")).collect(Collectors.toSet()));
        for (Map<String, Object> g : groups) {
            Expected e = expected.get((String) g.get("key"));
            @SuppressWarnings("unchecked") Map<String, Object> f = (Map<String, Object>) g.get("figures");
            String key = (String) g.get("key");
            assertEquals(BigDecimal.valueOf(e.revenue()), SeedImportAndSalesTest.decimal(f.get("revenue")), key);
            assertEquals(BigDecimal.valueOf(e.profit()), SeedImportAndSalesTest.decimal(f.get("profit")), key);
            assertEquals(e.units(), ((Number) f.get("units")).longValue(), key);
            assertEquals(e.orders().size(), ((Number) f.get("orders")).intValue(), key);
            assertEquals(e.profit() < 0, g.get("loss"), key);
        }
    }

    private static long distinctOrders(Predicate<SeedLine> keep) {
        return SEED.stream().filter(keep).map(SeedLine::orderId).distinct().count();
    }

    @Test
    void regionsByStateOverARangeWithPartialMonths() {
        JsonPath json = get("/api/v1/sales/regions", Map.of("from", "2018-03-05", "to", "2018-11-20"));
        assertGroups(expected(between("2018-03-05", "2018-11-20"), SeedLine::state), json);
        assertEquals("state", json.getString("by"));
        assertEquals(false, json.getBoolean("scope.widenedToMonths"));
        List<Map<String, Object>> groups = json.getList("groups");
        assertTrue(new BigDecimal(groups.get(0).get("revenueShare").toString())
                .compareTo(new BigDecimal(groups.get(1).get("revenueShare").toString())) >= 0, "largest first");
    }

    @Test
    void aStateDrillsDownToItsCities() {
        JsonPath json = get("/api/v1/sales/regions", Map.of("state", "Maharashtra", "from", "2018-02-10", "to", "2018-09-15"));
        Predicate<SeedLine> keep = between("2018-02-10", "2018-09-15").and(l -> l.state().equals("Maharashtra"));
        assertGroups(expected(keep, SeedLine::city), json);
        assertEquals("city", json.getString("by"));
        assertEquals(distinctOrders(keep), json.getLong("totals.orders"));
    }

    @Test
    void paymentModesWithACategoryFilterCountDistinctOrders() {
        Predicate<SeedLine> keep = between("2018-01-20", "2018-10-11").and(l -> l.category().equals("Electronics"));
        JsonPath json = get("/api/v1/sales/payment-modes",
                Map.of("category", "Electronics", "from", "2018-01-20", "to", "2018-10-11"));
        assertGroups(expected(keep, SeedLine::paymentMode), json);
        // an order paid two ways is one order in the totals, though it counts under both modes
        assertEquals(distinctOrders(keep), json.getLong("totals.orders"));
        long sumOfModes = json.getList("groups.figures.orders", Integer.class).stream().mapToLong(i -> i).sum();
        assertTrue(sumOfModes > json.getLong("totals.orders"), "the seed pays some orders two ways");
    }

    @Test
    void profitBySubCategoryFlagsLossesWorstFirst() {
        JsonPath json = get("/api/v1/sales/profit", Map.of("by", "sub-category", "from", "2018-01-01", "to", "2018-12-31"));
        assertGroups(expected(between("2018-01-01", "2018-12-31"), SeedLine::subCategory), json);
        List<Map<String, Object>> groups = json.getList("groups");
        assertEquals("Furnishings", groups.getFirst().get("key"), "the seed's biggest loss");
        assertEquals("Furniture", groups.getFirst().get("parent"));
        assertEquals(true, groups.getFirst().get("loss"));
    }

    @Test
    void aStateWithACategoryBreakdownIsAnsweredForWholeMonths() {
        JsonPath json = get("/api/v1/sales/profit",
                Map.of("state", "Madhya Pradesh", "from", "2018-04-12", "to", "2018-08-03"));
        assertEquals(true, json.getBoolean("scope.widenedToMonths"));
        assertEquals("2018-04-01", json.getString("scope.from"));
        assertEquals("2018-08-31", json.getString("scope.to"));
        assertGroups(expected(between("2018-04-01", "2018-08-31").and(l -> l.state().equals("Madhya Pradesh")),
                SeedLine::category), json);
    }

    @Test
    void weeklyTrendWithAPaymentFilter() {
        Predicate<SeedLine> keep = between("2018-05-01", "2018-07-31").and(l -> l.paymentMode().equals("UPI"));
        JsonPath json = get("/api/v1/sales/trend",
                Map.of("interval", "week", "paymentMode", "UPI", "from", "2018-05-01", "to", "2018-07-31"));
        Map<String, Expected> byWeek = expected(keep, l -> l.day().with(java.time.DayOfWeek.MONDAY).toString());
        List<Map<String, Object>> series = json.getList("series");
        assertEquals("2018-04-30", series.getFirst().get("start"), "weeks start on Monday");
        assertEquals(14, series.size());
        for (Map<String, Object> p : series) {
            Expected e = byWeek.getOrDefault((String) p.get("start"), new Expected(0, 0, 0, Set.of()));
            @SuppressWarnings("unchecked") Map<String, Object> f = (Map<String, Object>) p.get("figures");
            assertEquals(BigDecimal.valueOf(e.revenue()), SeedImportAndSalesTest.decimal(f.get("revenue")), p.get("start").toString());
            assertEquals(e.orders().size(), ((Number) f.get("orders")).intValue());
            assertNull(p.get("previousYear"), "nothing was sold in 2017");
        }
        assertEquals(distinctOrders(keep), json.getLong("totals.orders"));
    }

    @Test
    void monthlyTrendForecastsThreeMonthsWithAnInterval() {
        JsonPath json = get("/api/v1/sales/trend", Map.of("from", "2018-01-01", "to", "2018-12-31"));
        assertEquals(12, json.getList("series").size());
        assertEquals("holt-linear", json.getString("forecast.method"), "one year is too short for a season");
        List<Map<String, Object>> months = json.getList("forecast.months");
        assertEquals(List.of("2019-01-01", "2019-02-01", "2019-03-01"), months.stream().map(m -> m.get("start")).toList());
        for (Map<String, Object> m : months) {
            BigDecimal value = new BigDecimal(m.get("revenue").toString());
            assertTrue(new BigDecimal(m.get("lower").toString()).compareTo(value) <= 0);
            assertTrue(new BigDecimal(m.get("upper").toString()).compareTo(value) > 0);
        }
    }

    @Test
    void anOpenStartShowsTheLatestPeriodsTheIntervalAllows() {
        JsonPath dims = given().when().get("/api/v1/sales/dimensions").then().statusCode(200).extract().jsonPath();
        LocalDate first = LocalDate.parse(dims.getString("from")), last = LocalDate.parse(dims.getString("to"));
        LocalDate expectedFrom = first.isAfter(last.minusDays(365)) ? first : last.minusDays(365);
        JsonPath json = given().queryParam("interval", "day").queryParam("charts", "none")
                .when().get("/api/v1/sales/trend").then().statusCode(200).extract().jsonPath();
        assertEquals(last.toString(), json.getString("scope.to"));
        assertEquals(expectedFrom.toString(), json.getString("scope.from"), "at most 366 days when from is open");
        assertEquals(java.time.temporal.ChronoUnit.DAYS.between(expectedFrom, last) + 1, json.getList("series").size());
    }

    @Test
    void chartsOfEveryViewAreRealImages() {
        for (String chart : List.of("sales-trend", "order-volume", "payment-modes-revenue", "payment-modes-orders",
                "regions", "profit")) {
            byte[] png = given().queryParam("from", "2018-01-01").queryParam("to", "2018-12-31")
                    .when().get("/api/v1/sales/charts/" + chart + ".png")
                    .then().statusCode(200).contentType("image/png").extract().asByteArray();
            Images.assertRealChart(png, 800);
        }
        String svg = given().queryParam("interval", "week").queryParam("from", "2018-01-01").queryParam("to", "2018-06-30")
                .when().get("/api/v1/sales/charts/sales-trend.svg")
                .then().statusCode(200).contentType("image/svg+xml").extract().asString();
        assertTrue(svg.contains("<svg"));
    }

    @Test
    void dimensionsListWhatTheFiltersAccept() {
        JsonPath json = given().when().get("/api/v1/sales/dimensions").then().statusCode(200).extract().jsonPath();
        assertTrue(json.getList("categories.name").containsAll(
                SEED.stream().map(SeedLine::category).distinct().toList()));
        assertTrue(json.getList("paymentModes").containsAll(SEED.stream().map(SeedLine::paymentMode).distinct().toList()));
        assertNotNull(json.getString("from"));
    }

    @Test
    void badParametersAreClearProblems() {
        given().queryParam("category", "Spaceships").when().get("/api/v1/sales/regions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("category")).body("errors[0].message", containsString("Spaceships"));
        given().queryParam("from", "2018-05-01").queryParam("to", "2018-04-01").when().get("/api/v1/sales/trend")
                .then().statusCode(400).contentType("application/problem+json");
        given().queryParam("interval", "day").queryParam("from", "2010-01-01").queryParam("to", "2019-12-31")
                .when().get("/api/v1/sales/trend")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("interval")).body("errors[0].message", containsString("366 days"));
        given().queryParam("interval", "fortnight").when().get("/api/v1/sales/trend")
                .then().statusCode(400).body("errors[0].field", equalTo("interval"));
        given().queryParam("interval", "day").queryParam("state", "Maharashtra").queryParam("category", "Electronics")
                .queryParam("from", "2018-01-01").queryParam("to", "2018-03-31")
                .when().get("/api/v1/sales/trend").then().statusCode(400).body("errors[0].field", equalTo("interval"));
        given().queryParam("by", "colour").when().get("/api/v1/sales/profit")
                .then().statusCode(400).body("errors[0].field", equalTo("by"));
        given().when().get("/api/v1/sales/charts/nonsense.png").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
