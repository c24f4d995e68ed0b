package io.storefront.analytics.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.storefront.testsupport.Images;
import io.storefront.testsupport.SharedData;
import io.storefront.testsupport.SharedData.SeedLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Product views on the seed (no product ids: ranked by sub-category) and on a store with products (2041). */
@QuarkusTest
class ProductViewsTest {

    private static final List<SeedLine> SEED = SharedData.seedLines().stream()
            .filter(l -> l.day().getYear() == 2018).toList();
    private static boolean imported;

    @BeforeEach
    void importOnce() {
        if (imported) return;
        SeedImportAndSalesTest.importSeed();
        // a store with real products in 2041, in a category of its own
        StringBuilder csv = new StringBuilder("order_id,order_date,customer_id,customer_name,state,city,product_id,"
                + "product_name,category,sub_category,quantity,amount,profit,payment_mode\n");
        for (int i = 0; i < 30; i++) {
            int product = i % 4; // P0 sold 8 times, P1..P3 7 or 8 times
            csv.append("PV-%d,2041-03-%02d,C%d,Cust %d,Goa,Panaji,P%d,Toy %d,Toys2041,Blocks,%d,%d,%d,COD\n".formatted(
                    i, 1 + i % 28, i % 7, i % 7, product, product, 1 + product, 100 * (product + 1), product == 3 ? -50 : 20));
        }
        org.junit.jupiter.api.Assertions.assertEquals("succeeded", ImportJobs.flat("toys.csv", csv.toString().getBytes()).getString("status"));
        imported = true;
    }

    @Test
    void topProductsOfAStoreWithProductIds() {
        JsonPath json = given().queryParam("category", "Toys2041").queryParam("by", "units").queryParam("charts", "none")
                .when().get("/api/v1/products/top").then().statusCode(200).extract().jsonPath();
        // units: P3 sells 4 per line on 7 lines = 28, P2 3 x 7 = 21, P1 2 x 8 = 16, P0 1 x 8 = 8
        assertEquals(List.of("P3", "P2", "P1", "P0"), json.getList("products.key"));
        assertEquals(List.of(28, 21, 16, 8), json.getList("products.figures.units", Integer.class));
        assertEquals("Toy 3", json.getString("products[0].name"));
        assertEquals(List.of(1, 2, 3, 4), json.getList("products.rank", Integer.class));
        JsonPath profit = given().queryParam("category", "Toys2041").queryParam("by", "profit").queryParam("limit", "1")
                .queryParam("charts", "none").when().get("/api/v1/products/top").then().statusCode(200).extract().jsonPath();
        assertEquals(1, profit.getList("products").size());
        assertEquals("P0", profit.getString("products[0].key"), "P0 and P1 earn 160, P3 loses; ties go by key");
    }

    @Test
    void withoutProductIdsTheSeedIsRankedBySubCategoryForWholeMonths() {
        Map<String, Long> revenue = new HashMap<>();
        SEED.stream().filter(l -> l.day().getMonthValue() >= 2 && l.day().getMonthValue() <= 6)
                .forEach(l -> revenue.merge(l.category() + " / " + l.subCategory(), l.amount(), Long::sum));
        List<String> expected = revenue.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(5).map(Map.Entry::getKey).toList();
        JsonPath json = given().queryParam("from", "2018-02-10").queryParam("to", "2018-06-05").queryParam("limit", "5")
                .queryParam("charts", "none").when().get("/api/v1/products/top").then().statusCode(200).extract().jsonPath();
        assertEquals(true, json.getBoolean("scope.widenedToMonths"));
        assertEquals("2018-02-01", json.getString("scope.from"));
        assertEquals("2018-06-30", json.getString("scope.to"));
        assertEquals(expected, json.getList("products.key"));
        assertEquals(BigDecimal.valueOf(revenue.get(expected.getFirst())),
                SeedImportAndSalesTest.decimal(json.get("products[0].figures.revenue")));
    }

    @Test
    void treemapGroupsSubCategoriesUnderTheirCategories() {
        JsonPath json = given().queryParam("from", "2018-01-01").queryParam("to", "2018-12-31").queryParam("charts", "png")
                .when().get("/api/v1/products/treemap").then().statusCode(200).extract().jsonPath();
        Map<String, String> parentOf = SEED.stream().collect(Collectors.toMap(SeedLine::subCategory, SeedLine::category, (a, b) -> a));
        List<Map<String, Object>> groups = json.getList("groups");
        assertEquals(parentOf.size(), groups.size());
        groups.forEach(g -> assertEquals(parentOf.get((String) g.get("key")), g.get("parent")));
        assertEquals("sub_category", json.getString("by"));
        Images.assertRealChart(java.util.Base64.getDecoder().decode(json.getString("charts[0].data")), 800);
        assertTrue(json.getString("charts[0].alt").startsWith("Treemap of revenue"));
        String svg = given().queryParam("level", "category").when().get("/api/v1/products/charts/treemap.svg")
                .then().statusCode(200).contentType("image/svg+xml").extract().asString();
        assertTrue(svg.contains("<svg") && svg.contains("rect"), "a vector treemap");
    }

    @Test
    void averageOrderValueOverallAndByCategory() {
        long revenue = SEED.stream().mapToLong(SeedLine::amount).sum();
        long orders = SEED.stream().map(SeedLine::orderId).distinct().count();
        JsonPath json = given().queryParam("from", "2018-01-01").queryParam("to", "2018-12-31").queryParam("charts", "none")
                .when().get("/api/v1/products/average-order-value").then().statusCode(200).extract().jsonPath();
        assertEquals(BigDecimal.valueOf(revenue).divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_EVEN),
                new BigDecimal(json.getString("overall.averageOrderValue")));
        assertEquals(12, json.getList("monthly").size());
        Map<String, List<SeedLine>> byCategory = SEED.stream().collect(Collectors.groupingBy(SeedLine::category));
        for (Map<String, Object> c : json.<Map<String, Object>>getList("byCategory")) {
            List<SeedLine> lines = byCategory.get((String) c.get("key"));
            long catOrders = lines.stream().map(SeedLine::orderId).distinct().count();
            BigDecimal expected = BigDecimal.valueOf(lines.stream().mapToLong(SeedLine::amount).sum())
                    .divide(BigDecimal.valueOf(catOrders), 2, RoundingMode.HALF_EVEN);
            assertEquals(expected, new BigDecimal(c.get("averageOrderValue").toString()), (String) c.get("key"));
            assertEquals(catOrders, ((Number) c.get("orders")).longValue());
        }
        List<BigDecimal> values = json.getList("byCategory.averageOrderValue", String.class).stream().map(BigDecimal::new).toList();
        assertEquals(values.stream().sorted(Comparator.reverseOrder()).toList(), values, "highest first");
    }

    @Test
    void chartsAndBadParameters() {
        for (String chart : List.of("top-products", "treemap", "aov-monthly", "aov-by-category")) {
            byte[] png = given().queryParam("from", "2018-01-01").queryParam("to", "2018-12-31")
                    .when().get("/api/v1/products/charts/" + chart + ".png")
                    .then().statusCode(200).contentType("image/png").extract().asByteArray();
            Images.assertRealChart(png, 800);
        }
        given().queryParam("by", "colour").when().get("/api/v1/products/top").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("by"));
        given().queryParam("limit", "0").when().get("/api/v1/products/top").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("state", "Goa").when().get("/api/v1/products/top").then().statusCode(400)
                .body("errors[0].field", equalTo("state"));
        given().queryParam("level", "planet").when().get("/api/v1/products/treemap").then().statusCode(400);
    }
}
