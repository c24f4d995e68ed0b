package io.storefront.recommender.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.storefront.recommender.domain.eval.Interactions;
import io.storefront.recommender.repository.SnapshotRepository;
import io.storefront.testsupport.ChunkedBodies;
import io.storefront.testsupport.PrometheusMetrics;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The recommender over HTTP against a real PostgreSQL, its peers' feeds served by WireMock. Every test
 * uses its own ids (prefix per test), syncs and rebuilds itself, and asserts only on its own data.
 */
@QuarkusTest
@WithTestResource(FeedStubs.class)
class RecommenderApiTest {

    @Inject
    SnapshotRepository snapshots;

    @BeforeEach
    void reset() {
        FeedStubs.server.resetAll();
        emptyFeed("/api/v1/order-lines/changes", "lines");
        emptyFeed("/api/v1/product-sentiment/changes", "products");
    }

    private static void emptyFeed(String path, String field) {
        FeedStubs.server.stubFor(get(urlPathEqualTo(path)).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"cursor\":\"999999\",\"hasMore\":false,\"" + field + "\":[]}")));
    }

    private static String product(String id, String name, String category, String sub, double price, boolean inStock) {
        return String.format(java.util.Locale.ROOT, "{\"productId\":\"%s\",\"name\":\"%s\",\"description\":\"%s in %s\","
                + "\"category\":\"%s\",\"subCategory\":\"%s\",\"price\":%.2f,\"inStock\":%b}", id, name, name, sub,
                category, sub, price, inStock);
    }

    private static String line(long seq, String order, String customer, String product, String date) {
        return String.format("{\"changeSeq\":%d,\"orderId\":\"%s\",\"orderDate\":\"%s\",\"customerKey\":\"%s\","
                + "\"state\":\"Kerala\",\"city\":\"Kochi\",\"productId\":\"%s\",\"productName\":\"%s name\","
                + "\"category\":\"Clothing\",\"subCategory\":\"Shirt\",\"quantity\":1,\"amount\":499.00,"
                + "\"profit\":50.00,\"paymentMode\":\"UPI\"}", seq, order, date, customer, product, product);
    }

    private static void ordersPage(String after, String cursor, boolean hasMore, List<String> lines) {
        FeedStubs.server.stubFor(get(urlPathEqualTo("/api/v1/order-lines/changes"))
                .withQueryParam("after", WireMock.equalTo(after)).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"cursor\":\"" + cursor + "\",\"hasMore\":" + hasMore + ",\"lines\":["
                                + String.join(",", lines) + "]}")));
    }

    private static Map<String, Object> buildModel() {
        String location = given().when().post("/api/v1/recommender/model/builds")
                .then().statusCode(202).extract().header("Location");
        for (int i = 0; i < 200; i++) {
            Response job = given().when().get(location);
            String status = job.path("status");
            if (status.equals("succeeded")) return job.path("result");
            if (status.equals("failed")) throw new AssertionError("model build failed: " + job.asString());
            sleep(100);
        }
        throw new AssertionError("the model build did not end");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aCatalogBatchStoresTheValidProductsAndListsTheRejectedOnes() {
        String body = "[" + product("cb-1", "Linen Shirt", "Clothing", "Shirt", 1299, true) + ","
                + product("cb-2", "Oxford Shirt", "Clothing", "Shirt", 999, true) + ","
                + "{\"productId\":\"cb-3\",\"name\":\"Bad\",\"category\":\"Clothing\",\"subCategory\":\"Shirt\",\"price\":-5}]";
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/catalog/products")
                .then().statusCode(200).body("stored", equalTo(2)).body("rejected[0].field", equalTo("products[2].price"));
        given().when().get("/api/v1/catalog/products/cb-1").then().statusCode(200)
                .body("name", equalTo("Linen Shirt")).body("price", equalTo(1299.0f)).body("source", equalTo("catalog"));
        given().when().get("/api/v1/catalog/products/cb-3").then().statusCode(404).contentType("application/problem+json");

        // a batch with nothing valid changes nothing
        given().contentType(ContentType.JSON).body("[{\"productId\":\"cb-1\",\"name\":\"\",\"category\":\"x\"}]")
                .when().post("/api/v1/catalog/products")
                .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("products[0].name"));
        given().when().get("/api/v1/catalog/products/cb-1").then().statusCode(200).body("name", equalTo("Linen Shirt"));
        given().contentType(ContentType.JSON).body("{\"productId\":\"x\"}").when().post("/api/v1/catalog/products")
                .then().statusCode(400).contentType("application/problem+json");
    }

    /** PostgreSQL text and jsonb cannot hold a NUL character: wherever one comes in, it is the client's bad input. */
    @Test
    void aNulCharacterIsRefusedAsBadInputAndTheRestOfTheBatchKept() {
        String body = "[" + product("nul-1", "Linen Shirt", "Clothing", "Shirt", 1299, true) + ","
                + "{\"productId\":\"nul-2\",\"name\":\"N\",\"category\":\"Clothing\",\"subCategory\":\"Shirt\",\"price\":5,"
                + "\"attributes\":{\"colour\":\"red\\u0000\"}}]";
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/catalog/products")
                .then().statusCode(200).body("stored", equalTo(1)).body("rejected[0].field", equalTo("products[1].attributes"));
        given().contentType(ContentType.JSON)
                .body("[{\"userId\":\"nul-u\\u0000\",\"productId\":\"nul-1\",\"kind\":\"view\"},"
                        + "{\"userId\":\"nul-u\",\"productId\":\"nul-1\\u0000\",\"kind\":\"view\"},"
                        + "{\"userId\":\"nul-u\",\"productId\":\"nul-1\",\"kind\":\"view\"},"
                        // an unpaired surrogate is not text: the database client would store '?' instead, another id
                        + "{\"userId\":\"nul-u\\ud800\",\"productId\":\"nul-1\",\"kind\":\"cart\"}]")
                .when().post("/api/v1/interactions").then().statusCode(200).body("stored", equalTo(1))
                .body("rejected.field", equalTo(List.of("interactions[0].userId", "interactions[1].productId",
                        "interactions[3].userId")));
        given().contentType(ContentType.JSON).body("{\"categories\":[\"Shirt\\u0000\"]}")
                .when().put("/api/v1/users/nul-u/preferences").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("categories"));
        given().urlEncodingEnabled(false).contentType(ContentType.JSON).body("{\"categories\":[\"Shirt\"]}")
                .when().put("/api/v1/users/nul%00u/preferences").then().statusCode(400).body("errors[0].field", equalTo("userId"));
        for (String path : List.of("/api/v1/catalog/products/a%00b", "/api/v1/users/a%00b/preferences",
                "/api/v1/catalog/products?category=a%00b")) {
            given().urlEncodingEnabled(false).when().get(path).then().statusCode(400).contentType("application/problem+json");
        }
        given().when().get("/api/v1/catalog/products/nul-2").then().statusCode(404);
    }

    @TestHTTPResource("/api/v1/catalog/products")
    URI products;

    /** 18 MB: over the 16 MB a JSON body may have, far under the 512 MB of an upload. */
    @Test
    void aCatalogCsvLargerThanAJsonBodyIsImportedWhileJsonThatLargeIsRefused() {
        String description = "Soft brushed cotton, a relaxed fit. ".repeat(500);
        StringBuilder csv = new StringBuilder("product_id,name,category,sub_category,price,description\n");
        for (int i = 0; i < 1_000; i++) {
            // quoted: the description has commas (unquoted, they would be values past the header and the row refused)
            csv.append("big-").append(i).append(",Flannel Shirt ").append(i).append(",Clothing,Shirts,39.00,\"")
                    .append(description).append("\"\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(file.length > 18_000_000, "the file is " + file.length + " bytes");
        String location = given().multiPart("file", "catalog.csv", file, "text/csv").when().post("/api/v1/catalog/imports")
                .then().statusCode(202).extract().header("Location");
        Response job = awaitJob(location);
        assertEquals("succeeded", job.path("status"), job.asString());
        assertEquals(1_000, (int) job.path("rowsStored"));
        given().when().get("/api/v1/catalog/products/big-999").then().statusCode(200).body("name", equalTo("Flannel Shirt 999"))
                .body("description", equalTo(description.strip())); // whole, not cut at its first comma

        String product = "{\"productId\":\"json-big\",\"name\":\"Shirt\",\"category\":\"Clothing\",\"subCategory\":\"Shirts\","
                + "\"price\":39.0,\"description\":\"" + description + "\"}";
        byte[] json = ("[" + String.join(",", java.util.Collections.nCopies(1_000, product)) + "]").getBytes(StandardCharsets.UTF_8);
        assertTrue(json.length > 16 * 1024 * 1024);
        given().contentType(ContentType.JSON).body(json).when().post("/api/v1/catalog/products").then().statusCode(413)
                .contentType("application/problem+json").body("detail", containsString("multipart uploads"));
        ChunkedBodies.Answer chunked = ChunkedBodies.post(products, "application/json", json);
        assertEquals(413, chunked.status(), "a body without a length is counted: " + chunked);
        assertEquals("application/problem+json", chunked.contentType(), chunked.toString());
        assertTrue(chunked.body().contains("multipart uploads"), chunked.body());
        assertEquals(200, ChunkedBodies.post(products, "application/json", ("[" + product + "]").getBytes(StandardCharsets.UTF_8)).status(),
                "a small one without a length is read");
        given().when().get("/api/v1/catalog/products/json-big").then().statusCode(200);
    }

    @Test
    void aCsvImportIsAJobWithProgressAndRejectedRowsByLine() {
        String before = PrometheusMetrics.scrape();
        String csv = """
                Product ID,Title,Category,Sub-Category,Unit Price,Brand,In Stock
                ci-1,Trail Running Shoes,Clothing,Shoes,2499.00,Stride,yes
                ci-2,Broken Price,Clothing,Shoes,abc,Stride,yes
                ci-3,"Office Chair, mesh",Furniture,Chairs,"5,999.00",Sit,no
                """;
        String location = given().multiPart("file", "shop-export.csv", csv.getBytes(), "text/csv")
                .when().post("/api/v1/catalog/imports")
                .then().statusCode(202).body("kind", equalTo("catalog-import")).extract().header("Location");
        Response job = null;
        for (int i = 0; i < 100; i++) {
            job = given().when().get(location);
            if (!List.of("queued", "running").contains(job.<String>path("status"))) break;
            sleep(100);
        }
        assertEquals("succeeded", job.path("status"), job.asString());
        assertEquals(3, (int) job.path("rowsRead"));
        assertEquals(2, (int) job.path("rowsStored"));
        assertEquals(3, (int) job.path("errors[0].line"));
        assertEquals("price", job.path("errors[0].field"));
        given().when().get("/api/v1/catalog/products/ci-3").then().statusCode(200)
                .body("name", equalTo("Office Chair, mesh")).body("price", equalTo(5999.0f)).body("inStock", equalTo(false))
                .body("attributes.Brand", equalTo("Sit"));

        String noPrice = "product_id,name,category,sub_category\nci-9,X,Y,Z\n";
        String failed = given().multiPart("file", "bad.csv", noPrice.getBytes(), "text/csv")
                .when().post("/api/v1/catalog/imports").then().statusCode(202).extract().header("Location");
        for (int i = 0; i < 100 && List.of("queued", "running").contains(given().get(failed).<String>path("status")); i++) sleep(100);
        given().when().get(failed).then().body("status", equalTo("failed")).body("failure", containsString("price"));
        given().when().get("/api/v1/catalog/products/ci-9").then().statusCode(404);
        given().when().post("/api/v1/catalog/imports").then().statusCode(415);

        String after = PrometheusMetrics.scrapeOnceAtLeast(1 + PrometheusMetrics.value(before,
                "storefront_job_duration_seconds_count", "kind", "catalog-import", "outcome", "failed"),
                "storefront_job_duration_seconds_count", "kind", "catalog-import", "outcome", "failed");
        for (String outcome : List.of("succeeded", "failed")) {
            assertEquals(1.0, PrometheusMetrics.increase(before, after, "storefront_job_duration_seconds_count", "kind",
                    "catalog-import", "outcome", outcome), outcome);
        }
        assertEquals(1.0, PrometheusMetrics.increase(before, after, "storefront_job_rows_total", "kind", "catalog-import",
                "result", "rejected"));
        assertEquals(0.0, PrometheusMetrics.value(after, "storefront_job_abandoned_total", "kind", "model-build"),
                "every kind is there before it first ends");
    }

    @Test
    void purchasesFromTheAnalyticsFeedDriveExplainedRecommendations() {
        given().contentType(ContentType.JSON).body("[" + product("rf-A", "Linen Shirt", "Clothing", "Shirt", 1299, true) + ","
                        + product("rf-B", "Silk Tie", "Clothing", "Tie", 699, true) + ","
                        + product("rf-C", "Desk Lamp", "Furniture", "Lamps", 899, true) + ","
                        + product("rf-D", "Linen Shirt Slim", "Clothing", "Shirt", 1399, false) + "]")
                .when().post("/api/v1/catalog/products").then().statusCode(200);
        // three customers buy A with B; rf-u4 buys A twice; rf-u5 buys C
        ordersPage("0", "3", true, List.of(
                line(1, "rf-o1", "rf-u1", "rf-A", "2026-10-01"), line(1, "rf-o1", "rf-u1", "rf-B", "2026-10-01"),
                line(2, "rf-o2", "rf-u2", "rf-A", "2026-10-02"), line(2, "rf-o2", "rf-u2", "rf-B", "2026-10-02"),
                line(3, "rf-o3", "rf-u3", "rf-A", "2026-10-03"), line(3, "rf-o3", "rf-u3", "rf-B", "2026-10-03")));
        ordersPage("3", "6", false, List.of(
                line(4, "rf-o4", "rf-u4", "rf-A", "2026-10-04"), line(5, "rf-o5", "rf-u4", "rf-A", "2026-10-20"),
                line(6, "rf-o6", "rf-u5", "rf-C", "2026-10-05"), line(6, "rf-o6", "rf-u5", "rf-NEW", "2026-10-05")));
        FeedStubs.server.stubFor(get(urlPathEqualTo("/api/v1/product-sentiment/changes")).withQueryParam("after", WireMock.equalTo("0"))
                .atPriority(1).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"cursor\":\"1\",\"hasMore\":false,\"products\":[{\"productId\":\"rf-B\",\"reviews\":12,"
                                + "\"scored\":12,\"meanPolarity\":0.61,\"positiveShare\":0.92,\"negativeShare\":0.0}]}")));

        given().when().post("/api/v1/recommender/sync").then().statusCode(200)
                .body("applied.'analytics.order-lines'", equalTo(10))
                .body("applied.'sentiment.product-sentiment'", equalTo(1));
        // the cursor moved: the same orders are not read again, and reading them again would replace, not add
        given().when().post("/api/v1/recommender/sync").then().statusCode(200)
                .body("applied.'analytics.order-lines'", equalTo(0));
        given().when().get("/api/v1/catalog/products/rf-NEW").then().statusCode(200).body("source", equalTo("orders"))
                .body("price", equalTo(499.0f));
        Map<String, Object> facts = buildModel();
        Map<?, ?> learning = (Map<?, ?>) facts.get("newItemsLearning");
        assertEquals(false, learning.get("adopted"), "a handful of customers is too few to learn from: " + learning);
        assertEquals(0.3, ((Number) ((Map<?, ?>) ((Map<?, ?>) facts.get("newItemsBlend")).get("content")).get("linear"))
                .doubleValue(), 1e-6, "the configured new-items weights are used");

        Response u4 = given().when().get("/api/v1/recommendations/users/rf-u4?k=3");
        u4.then().statusCode(200).body("knownUser", equalTo(true)).body("basis", equalTo("history"))
                .body("items.productId", hasItem("rf-B"))
                .body("items.productId", not(hasItem("rf-D")));
        List<Map<String, Object>> items = u4.path("items");
        Map<String, Object> rebuy = items.stream().filter(i -> i.get("productId").equals("rf-A")).findFirst().orElseThrow();
        assertEquals("you bought it 2 times, last on 2026-10-20", ((List<?>) rebuy.get("reasons")).get(0));
        Map<String, Object> b = items.stream().filter(i -> i.get("productId").equals("rf-B")).findFirst().orElseThrow();
        assertEquals(true, ((List<?>) b.get("reasons")).contains("bought by 3 of the 3 customers who shop most like you"),
                b.toString());
        assertEquals(true, ((List<?>) b.get("reasons")).contains("well reviewed: 92% positive of 12 reviews"), b.toString());

        given().when().get("/api/v1/recommendations/users/rf-u4?k=3&excludeBought=true&explain=false")
                .then().statusCode(200).body("items.productId", not(hasItem("rf-A"))).body("items[0].reasons", equalTo(null));
        given().when().get("/api/v1/recommendations/users/rf-u4?inStock=false&category=Shirt")
                .then().statusCode(200).body("items.productId", hasItem("rf-D")).body("items.subCategory", everyItem(equalTo((Object) "Shirt")));
        given().when().get("/api/v1/recommendations/products/rf-A/similar?k=2")
                .then().statusCode(200).body("items[0].productId", equalTo("rf-B"))
                .body("items[0].reasons[0]", equalTo("bought together with Linen Shirt by 3 customers"));
        given().when().get("/api/v1/recommendations/bought-together?items=rf-A,nope")
                .then().statusCode(200).body("items[0].productId", equalTo("rf-B")).body("unknownItems", equalTo(List.of("nope")));
        given().when().get("/api/v1/recommendations/popular?k=1")
                .then().statusCode(200).body("items[0].productId", equalTo("rf-A"));

        // a visitor never seen gets what sells, and is told so
        given().when().get("/api/v1/recommendations/users/rf-stranger?k=2")
                .then().statusCode(200).body("knownUser", equalTo(false)).body("basis", equalTo("popularity"))
                .body("items[0].productId", equalTo("rf-A"));
        // bad parameters are clear 4xx
        given().when().get("/api/v1/recommendations/users/rf-u4?k=0").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("k"));
        given().when().get("/api/v1/recommendations/users/rf-u4?k=101&category=Nope&inStock=maybe").then().statusCode(400)
                .body("errors.field", equalTo(List.of("k", "category", "inStock")));
        given().when().get("/api/v1/recommendations/products/rf-unknown/similar").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/v1/recommendations/bought-together").then().statusCode(400);
    }

    @Test
    void aPeerThatIsDownMakesOnlyItsFeedStale() {
        String before = PrometheusMetrics.scrape();
        FeedStubs.server.stubFor(get(urlPathEqualTo("/api/v1/order-lines/changes")).atPriority(1)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":503}")));
        given().when().post("/api/v1/recommender/sync").then().statusCode(200)
                .body("errors.'analytics.order-lines'", containsString("503"))
                .body("errors.'sentiment.product-sentiment'", equalTo(null));
        given().when().get("/api/v1/recommender/model").then().statusCode(200)
                .body("feeds.'analytics.order-lines'.lastError", containsString("503"))
                .body("feeds.'sentiment.product-sentiment'.stale", equalTo(false));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'recommendation data' }.data.'analytics.order-lines'", containsString("last error"));
        buildModel();
        given().when().get("/api/v1/recommendations/popular").then().statusCode(200);

        String after = PrometheusMetrics.scrape();
        assertEquals(1.0, PrometheusMetrics.increase(before, after, "storefront_recommender_feed_errors_total", "feed",
                "analytics.order-lines"));
        assertEquals(0.0, PrometheusMetrics.increase(before, after, "storefront_recommender_feed_errors_total", "feed",
                "sentiment.product-sentiment"));
        double builtAt = PrometheusMetrics.value(after, "storefront_recommender_model_built_timestamp_seconds");
        assertTrue(Math.abs(builtAt - System.currentTimeMillis() / 1000.0) < 120, "the model was just built: " + builtAt);
        assertTrue(PrometheusMetrics.value(after, "storefront_job_duration_seconds_count", "kind", "model-build",
                "outcome", "succeeded") >= 1);
    }

    @Test
    void interactionsAreStoredOnceAndPreferencesShapeAColdStart() {
        given().contentType(ContentType.JSON).body("[" + product("ip-1", "Gaming Laptop", "Electronics", "Laptops", 90000, true)
                        + "," + product("ip-2", "Ultrabook", "Electronics", "Laptops", 70000, true) + ","
                        + product("ip-3", "Budget Chromebook", "Electronics", "Laptops", 20000, true) + "]")
                .when().post("/api/v1/catalog/products").then().statusCode(200);
        String events = """
                [{"userId":"ip-u1","productId":"ip-1","kind":"cart","occurredAt":"2026-11-02T10:15:00Z"},
                 {"userId":"ip-u1","productId":"ip-2","kind":"purchase","occurredAt":"2026-11-03"},
                 {"userId":"ip-u1","productId":"ip-2","kind":"teleport"},
                 {"userId":"ip-u1","productId":"ip-2","kind":"rating"}]""";
        given().contentType(ContentType.JSON).body(events).when().post("/api/v1/interactions").then().statusCode(200)
                .body("stored", equalTo(2)).body("rejected.field", equalTo(List.of("interactions[2].kind", "interactions[3].rating")));
        given().contentType(ContentType.JSON).body(events).when().post("/api/v1/interactions").then().statusCode(200)
                .body("stored", equalTo(0)).body("duplicates", equalTo(2));

        given().contentType(ContentType.JSON).body("{\"categories\":[\"Laptops\"],\"maxPrice\":50000}")
                .when().put("/api/v1/users/ip-new/preferences").then().statusCode(200)
                .body("categories", equalTo(List.of("Laptops"))).body("maxPrice", equalTo(50000.0f));
        given().contentType(ContentType.JSON).body("{\"minPrice\":10,\"maxPrice\":5}")
                .when().put("/api/v1/users/ip-new/preferences").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("minPrice"));
        given().when().get("/api/v1/users/ip-new/preferences").then().statusCode(200).body("maxPrice", equalTo(50000.0f));
        // a body that is not preferences is refused, not taken as "no preferences"
        given().contentType(ContentType.JSON).body("{\"text\":\"hello\"}").when().put("/api/v1/users/ip-new/preferences")
                .then().statusCode(400).body("errors[0].field", equalTo("text"));
        given().contentType(ContentType.JSON).body("{\"minPrice\":1e309}").when().put("/api/v1/users/ip-new/preferences")
                .then().statusCode(400).body("errors[0].field", equalTo("minPrice"));
        given().when().get("/api/v1/users/ip-new/preferences").then().statusCode(200).body("maxPrice", equalTo(50000.0f));
        buildModel();

        given().when().get("/api/v1/recommendations/users/ip-new?k=5").then().statusCode(200)
                .body("basis", equalTo("preferences")).body("knownUser", equalTo(true))
                .body("items[0].productId", equalTo("ip-3"))
                .body("items[0].reasons", hasItem("in a category you like"))
                .body("items.productId", not(hasItem("ip-1"))).body("items.productId", not(hasItem("ip-2")));
        given().when().get("/api/v1/recommendations/users/ip-u1?k=5").then().statusCode(200)
                .body("basis", equalTo("history")).body("items.productId", hasItem("ip-2"));
        given().when().delete("/api/v1/users/ip-new/preferences").then().statusCode(204);
        given().when().delete("/api/v1/users/ip-new/preferences").then().statusCode(404);
    }

    @Test
    void anOfflineEvaluationOnTheStoresOwnPurchasesIsAJob() {
        // in 2001, before the cut: three customers buy ev-1 with ev-2; ev-d buys ev-1 alone. After it: ev-d buys ev-2
        StringBuilder events = new StringBuilder("[");
        for (String u : List.of("ev-a", "ev-b", "ev-c")) {
            events.append("{\"userId\":\"").append(u).append("\",\"productId\":\"ev-1\",\"kind\":\"purchase\",\"occurredAt\":\"2001-03-01\"},");
            events.append("{\"userId\":\"").append(u).append("\",\"productId\":\"ev-2\",\"kind\":\"purchase\",\"occurredAt\":\"2001-03-01\"},");
        }
        events.append("{\"userId\":\"ev-d\",\"productId\":\"ev-1\",\"kind\":\"purchase\",\"occurredAt\":\"2001-03-02\"},");
        events.append("{\"userId\":\"ev-d\",\"productId\":\"ev-2\",\"kind\":\"purchase\",\"occurredAt\":\"2001-07-01\"}]");
        given().contentType(ContentType.JSON).body(events.toString()).when().post("/api/v1/interactions").then().statusCode(200)
                .body("stored", equalTo(8));

        String location = given().queryParam("cut", "2001-06-01").queryParam("end", "2001-12-31")
                .when().post("/api/v1/recommender/evaluations").then().statusCode(202).extract().header("Location");
        Response job = awaitJob(location);
        assertEquals("succeeded", job.path("status"), job.asString());
        List<Map<String, Object>> rows = job.path("result.rows");
        assertEquals(6, rows.size(), "two variants, three methods");
        Map<String, Object> knnNew = rows.stream().filter(r -> r.get("variant").equals("new")
                && r.get("method").toString().startsWith("item-kNN")).findFirst().orElseThrow();
        assertEquals(1, ((Number) knnNew.get("users")).intValue(), "only ev-d bought something new after the cut");
        assertEquals(1.0, ((Number) knnNew.get("hr")).doubleValue(), "ev-2 is what ev-1's buyers bought: a hit");
        assertEquals(false, job.path("result.newItemsLearning.adopted"), "a handful of customers is too few to learn from");
        assertEquals(true, job.<String>path("result.newItemsLearning.note").startsWith("fewer than 30"), job.asString());
        given().when().get("/api/v1/recommender/model").then().statusCode(200)
                .body("latestEvaluation.cut", equalTo("2001-06-01")).body("latestEvaluation.rows.size()", equalTo(6));

        String empty = given().queryParam("cut", "2001-12-31").queryParam("end", "2002-01-01")
                .when().post("/api/v1/recommender/evaluations").then().statusCode(202).extract().header("Location");
        Response failed = awaitJob(empty);
        assertEquals("failed", failed.path("status"));
        assertEquals(true, failed.<String>path("failure").contains("choose a cut"), failed.asString());
        given().queryParam("cut", "July").when().post("/api/v1/recommender/evaluations").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("cut"));
        given().queryParam("cut", "2001-06-01").queryParam("end", "2001-01-01").when().post("/api/v1/recommender/evaluations")
                .then().statusCode(400).body("errors[0].field", equalTo("end"));
    }

    @Test
    void purchasesReadForAnEvaluationShareTheirRepeatedValues() {
        // a million purchases fall on a few thousand days: one LocalDateTime per day, not one per purchase
        given().contentType(ContentType.JSON).body("""
                        [{"userId":"sh-a","productId":"sh-1","kind":"purchase","occurredAt":"2002-05-04T10:00:00Z"},
                         {"userId":"sh-b","productId":"sh-1","kind":"purchase","occurredAt":"2002-05-04T10:00:00Z"}]""")
                .when().post("/api/v1/interactions").then().statusCode(200).body("stored", equalTo(2));
        List<Interactions.Event> events = snapshots.purchaseEvents().await().indefinitely().stream()
                .filter(e -> e.user().startsWith("sh-")).toList();
        assertEquals(2, events.size());
        assertEquals(LocalDateTime.of(2002, 5, 4, 10, 0), events.get(0).time());
        assertSame(events.get(0).time(), events.get(1).time());
        assertSame(events.get(0).item(), events.get(1).item());
        List<SnapshotRepository.Pair> pairs = snapshots.read().await().indefinitely().pairs().stream()
                .filter(p -> p.userId().startsWith("sh-")).toList();
        assertEquals(2, pairs.size());
        assertSame(pairs.get(0).last(), pairs.get(1).last());
    }

    private static Response awaitJob(String location) {
        Response job = null;
        for (int i = 0; i < 200; i++) {
            job = given().when().get(location);
            if (!List.of("queued", "running").contains(job.<String>path("status"))) return job;
            sleep(100);
        }
        return job;
    }
}
