package io.storefront.analytics.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The same orders imported grouped by order (rollups, orders and customers summed while reading) and
 * scattered (computed in SQL) give the same views: 2045 holds the grouped copy, 2046 the scattered one,
 * 2049 a copy grouped but in descending order (so its orders are sorted before they are written), each
 * with customers of its own.
 */
@QuarkusTest
class RollupPathsTest {

    private static final String HEADER = "order_id,order_date,customer_id,customer_name,state,city,category,"
            + "sub_category,quantity,amount,profit,payment_mode\n";

    private static List<String> lines(int year) {
        Random random = new Random(5);
        String[][] subs = {{"Books", "Novels"}, {"Books", "Comics"}, {"Toys", "Blocks"}};
        String[] modes = {"UPI", "COD"};
        String[][] places = {{"Goa", "Panaji"}, {"Kerala", "Kochi"}};
        List<String> out = new ArrayList<>();
        for (int o = 0; o < 300; o++) {
            String day = "%d-%02d-%02d".formatted(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
            String[] place = places[random.nextInt(2)];
            for (int l = 0; l < 1 + random.nextInt(4); l++) {
                String[] sub = subs[random.nextInt(3)];
                out.add("P%d-%d,%s,C%d-%d,Cust %d,%s,%s,%s,%s,%d,%d,%d,%s".formatted(year, o, day, year, o % 40, o, place[0], place[1],
                        sub[0], sub[1], 1 + random.nextInt(3), 10 + random.nextInt(500), random.nextInt(50) - 10,
                        modes[random.nextInt(2)]));
            }
        }
        return out;
    }

    private static JsonPath view(String path, int year, String by) {
        return given().queryParam("from", year + "-01-15").queryParam("to", year + "-11-20").queryParam("charts", "none")
                .queryParam("by", by).when().get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void groupedAndScatteredFilesGiveTheSameRollups() {
        ImportJobs.flat("grouped.csv", HEADER + String.join("\n", lines(2045)) + "\n");
        List<String> scattered = new ArrayList<>(lines(2046));
        Collections.shuffle(scattered, new Random(9));
        ImportJobs.flat("scattered.csv", HEADER + String.join("\n", scattered) + "\n");
        ImportJobs.flat("descending.csv", HEADER + String.join("\n", ordersReversed(lines(2049))) + "\n");
        for (int year : new int[] {2046, 2049}) {
            for (String[] v : new String[][] {{"/api/v1/sales/payment-modes", ""}, {"/api/v1/sales/profit", "sub-category"},
                    {"/api/v1/sales/regions", ""}}) {
                JsonPath grouped = view(v[0], 2045, v[1]), other = view(v[0], year, v[1]);
                assertEquals(grouped.getList("groups.key"), other.getList("groups.key"), v[0] + " " + year);
                assertEquals(grouped.getList("groups.figures"), other.getList("groups.figures"), v[0] + " " + year);
                assertEquals(grouped.getMap("totals"), other.getMap("totals"), v[0] + " " + year);
            }
            JsonPath groupedTrend = given().queryParam("from", "2045-01-01").queryParam("to", "2045-12-31")
                    .queryParam("charts", "none").when().get("/api/v1/sales/trend").then().extract().jsonPath();
            JsonPath otherTrend = given().queryParam("from", year + "-01-01").queryParam("to", year + "-12-31")
                    .queryParam("charts", "none").when().get("/api/v1/sales/trend").then().extract().jsonPath();
            assertEquals(groupedTrend.getList("series.figures"), otherTrend.getList("series.figures"), "trend " + year);
            for (int c : new int[] {0, 7, 39}) {
                JsonPath grouped = profile("C2045-" + c), other = profile("C" + year + "-" + c);
                for (String field : List.of("name", "state", "city", "orders", "revenue", "profit", "firstOrder", "lastOrder",
                        "months")) {
                    assertEquals(grouped.get(field).toString(), other.get(field).toString().replace(year + "-", "2045-"),
                            field + " of customer " + c + " in " + year);
                }
            }
        }
    }

    /**
     * New cells are inserted when the store has no sales in the file's months, and merged when it has: the
     * same orders in one file (2053) and in two files of the same months (2054; the second lands in cells
     * the first made, which a plain insert would refuse) give the same rollups.
     */
    @Test
    void aFileOfMonthsWithSalesMergesWhereAFileOfNewMonthsInserts() {
        assertEquals("succeeded", ImportJobs.flat("one-file.csv", HEADER + String.join("\n", lines(2053)) + "\n").getString("status"));
        List<String> first = new ArrayList<>(), second = new ArrayList<>();
        for (String line : lines(2054)) {
            int order = Integer.parseInt(line.substring(line.indexOf('-') + 1, line.indexOf(',')));
            (order < 150 ? first : second).add(line);
        }
        assertEquals("succeeded", ImportJobs.flat("first-half.csv", HEADER + String.join("\n", first) + "\n").getString("status"));
        JsonPath merged = ImportJobs.flat("second-half.csv", HEADER + String.join("\n", second) + "\n");
        assertEquals("succeeded", merged.getString("status"), merged.prettify());
        for (String[] v : new String[][] {{"/api/v1/sales/payment-modes", ""}, {"/api/v1/sales/profit", "sub-category"}}) {
            JsonPath one = view(v[0], 2053, v[1]), two = view(v[0], 2054, v[1]);
            assertEquals(one.getMap("totals"), two.getMap("totals"), v[0]);
            assertEquals(one.getList("groups.figures"), two.getList("groups.figures"), v[0]);
        }
        List<Object> products = view("/api/v1/products/top", 2053, "").getList("products.figures");
        assertEquals(3, products.size(), "a product per sub-category");
        assertEquals(products, view("/api/v1/products/top", 2054, "").getList("products.figures"));
    }

    /** The orders last to first, each order's lines kept together and in their order. */
    private static List<String> ordersReversed(List<String> lines) {
        List<List<String>> orders = new ArrayList<>();
        String current = null;
        for (String line : lines) {
            String order = line.substring(0, line.indexOf(','));
            if (!order.equals(current)) orders.add(new ArrayList<>());
            current = order;
            orders.getLast().add(line);
        }
        Collections.reverse(orders);
        return orders.stream().flatMap(List::stream).toList();
    }

    private static JsonPath profile(String key) {
        return given().when().get("/api/v1/customers/profiles/" + key).then().statusCode(200).extract().jsonPath();
    }
}
