package io.storefront.analytics.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.storefront.testsupport.SharedData;
import io.storefront.testsupport.SharedData.SeedTotals;
import io.storefront.testsupport.Images;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SeedImportAndSalesTest {

    static void importSeed() {
        ImportJobs.seed();
    }

    static JsonPath summary2018(String charts) {
        return given().queryParam("from", "2018-01-01").queryParam("to", "2018-12-31").queryParam("charts", charts)
                .when().get("/api/v1/sales/summary")
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    @Test
    void monthlyTotalsMatchTheFilesAndChartsAreRealImages() {
        importSeed();
        SeedTotals expected = SeedTotals.compute();
        JsonPath json = summary2018("png");

        List<Map<String, Object>> months = json.getList("monthly");
        assertEquals(12, months.size());
        for (Map<String, Object> m : months) {
            String month = (String) m.get("month");
            assertEquals(BigDecimal.valueOf(expected.revenue().getOrDefault(month, 0L)), decimal(m.get("revenue")), month);
            assertEquals(BigDecimal.valueOf(expected.profit().getOrDefault(month, 0L)), decimal(m.get("profit")), month);
            assertEquals(expected.units().getOrDefault(month, 0L), ((Number) m.get("units")).longValue(), month);
            assertEquals(expected.orders().getOrDefault(month, Set.of()).size(), ((Number) m.get("orders")).intValue(), month);
        }
        assertEquals(500, json.getInt("totals.orders"));
        assertEquals(BigDecimal.valueOf(expected.totalRevenue()), decimal(json.get("totals.revenue")));

        List<Map<String, Object>> modes = json.getList("paymentModes");
        assertEquals(expected.revenueByMode().size(), modes.size());
        assertEquals("COD", modes.getFirst().get("mode"), "sorted by revenue, COD leads in the seed");
        for (Map<String, Object> m : modes) {
            assertEquals(BigDecimal.valueOf(expected.revenueByMode().get((String) m.get("mode"))), decimal(m.get("revenue")));
        }

        List<Map<String, Object>> charts = json.getList("charts");
        assertEquals(List.of("monthly-sales", "payment-modes"), charts.stream().map(c -> c.get("name")).toList());
        for (Map<String, Object> c : charts) {
            assertEquals("image/png", c.get("mediaType"));
            Images.assertRealChart(Base64.getDecoder().decode((String) c.get("data")), 800);
            assertEquals(true, ((String) c.get("alt")).length() > 30);
        }
    }

    @Test
    void reimportingTheSameFilesUpdatesInsteadOfDuplicating() {
        importSeed();
        importSeed();
        JsonPath json = summary2018("none");
        assertEquals(500, json.getInt("totals.orders"));
        assertEquals(BigDecimal.valueOf(SeedTotals.compute().totalRevenue()), decimal(json.get("totals.revenue")));
        assertEquals(0, json.getList("charts").size(), "charts=none draws nothing");
    }

    @Test
    void badQueryParametersAreProblems() {
        given().queryParam("from", "2018-13-01").when().get("/api/v1/sales/summary")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:storefront:problem:validation"))
                .body("errors[0].field", equalTo("from"));
        given().queryParam("from", "2019-01-01").queryParam("to", "2018-01-01").when().get("/api/v1/sales/summary")
                .then().statusCode(400).body("detail", containsString("must not be after"));
        given().queryParam("from", "0001-01-01").queryParam("to", "9999-12-31").when().get("/api/v1/sales/summary")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("at most 240"));
        given().queryParam("charts", "gif").when().get("/api/v1/sales/summary")
                .then().statusCode(400).body("errors[0].field", equalTo("charts"));
        given().when().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:storefront:problem:not-found"));
    }

    @Test
    void aRangeWithoutSalesIsEmptyNotAnError() {
        JsonPath json = given().queryParam("from", "1999-01-01").queryParam("to", "1999-03-31").queryParam("charts", "none")
                .when().get("/api/v1/sales/summary").then().statusCode(200).extract().jsonPath();
        assertEquals(3, json.getList("monthly").size());
        assertEquals(0, json.getInt("totals.orders"));
        given().queryParam("from", "1999-01-01").queryParam("to", "1999-01-31")
                .when().get("/api/v1/sales/summary").then().statusCode(200).body("charts", hasSize(2));
    }

    static BigDecimal decimal(Object value) {
        return new BigDecimal(value.toString()).stripTrailingZeros().setScale(0, java.math.RoundingMode.UNNECESSARY);
    }
}
