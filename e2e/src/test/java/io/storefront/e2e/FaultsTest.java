package io.storefront.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.storefront.generator.StoreGenerator;
import io.storefront.testsupport.TestPostgres;
import io.storefront.testsupport.TestPostgres.ThrowawayCluster;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Faults under running services: a hung service, a service killed under load, PostgreSQL restarted in the
 * middle of an import. The suite runs on a PostgreSQL cluster of its own, so that it can be restarted.
 */
class FaultsTest {

    /** Short deadlines toward the services, so that hung calls end quickly here. */
    private static final Duration SENTIMENT_TIMEOUT = Duration.ofSeconds(2);

    static ThrowawayCluster cluster;
    static Suite suite;

    @BeforeAll
    static void start() {
        cluster = TestPostgres.ownCluster().orElse(null);
        if (cluster == null) {
            String missing = "initdb and pg_ctl are needed to restart PostgreSQL under the services";
            if ("true".equals(System.getenv("CI"))) throw new IllegalStateException(missing);
            Assumptions.abort(missing);
        }
        suite = Suite.start(TestPostgres.createDatabase(cluster.server(), "faults"),
                Map.of("GATEWAY_SENTIMENT_TIMEOUT", SENTIMENT_TIMEOUT.toMillis() + "ms"));
        Suite.sendAdminKey();
    }

    @AfterAll
    static void stop() {
        if (suite != null) suite.close();
    }

    @Test
    void aHungServiceFailsOnlyItsRoutesWithinTheTimeoutAndRecovers() throws Exception {
        String gateway = suite.url("gateway");
        ExecutorService callers = Executors.newFixedThreadPool(16);
        // warm: the first call of each route pays for connections and compilation
        given().baseUri(gateway).queryParam("charts", "none").when().get("/analytics/sales").then().statusCode(200);
        given().baseUri(gateway).queryParam("k", "3").when().get("/api/v1/recommendations/popular").then().statusCode(200);
        suite.pause("sentiment");
        try {
            List<Future<long[]>> scoring = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                scoring.add(callers.submit(() -> {
                    long started = System.nanoTime();
                    Response r = given().baseUri(gateway).contentType("application/json").body("{\"text\":\"Works well.\"}")
                            .when().post("/sentiment");
                    assertEquals("application/problem+json", r.contentType().split(";")[0]);
                    return new long[] {r.statusCode(), (System.nanoTime() - started) / 1_000_000};
                }));
            }
            // meanwhile the other services' routes answer as usual
            for (int i = 0; i < 20; i++) {
                long started = System.nanoTime();
                given().baseUri(gateway).queryParam("charts", "none").when().get("/analytics/sales").then().statusCode(200);
                given().baseUri(gateway).queryParam("k", "3").when().get("/api/v1/recommendations/popular").then().statusCode(200);
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertTrue(millis < 1_000, "analytics and recommender routes stay responsive: " + millis + " ms");
            }
            long slowest = 0;
            for (Future<long[]> f : scoring) {
                long[] outcome = f.get(60, TimeUnit.SECONDS);
                assertEquals(503, outcome[0]);
                slowest = Math.max(slowest, outcome[1]);
            }
            System.out.printf("[faults] sentiment hung: 32 calls, all 503, slowest %d ms%n", slowest);
            // one retry of an idempotent call: at most two deadlines and the retry delay, plus scheduling
            assertTrue(slowest < 2 * SENTIMENT_TIMEOUT.toMillis() + 2_000, "a hung service's routes fail by the deadline: " + slowest + " ms");
        } finally {
            suite.resume("sentiment");
            callers.shutdownNow();
        }
        awaitStatus(() -> given().baseUri(gateway).contentType("application/json").body("{\"text\":\"Works well.\"}")
                .when().post("/sentiment").statusCode(), 200, Duration.ofSeconds(30));
    }

    @Test
    void aServiceKilledUnderLoadFailsOnlyItsOwnRoutes() throws Exception {
        String gateway = suite.url("gateway");
        Map<String, ConcurrentLinkedQueue<Integer>> statuses = new ConcurrentHashMap<>();
        List<String> notProblems = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(3);
        List<Future<?>> loops = new ArrayList<>();
        for (String route : List.of("analytics", "sentiment", "recommender")) {
            statuses.put(route, new ConcurrentLinkedQueue<>());
            loops.add(load.submit(() -> {
                while (running.get()) {
                    Response r = switch (route) {
                        case "analytics" -> given().baseUri(gateway).queryParam("charts", "none").when().get("/analytics/sales");
                        case "sentiment" -> given().baseUri(gateway).contentType("application/json")
                                .body("{\"text\":\"Arrived late and broken.\"}").when().post("/sentiment");
                        default -> given().baseUri(gateway).queryParam("k", "5").when().get("/api/v1/recommendations/popular");
                    };
                    statuses.get(route).add(r.statusCode());
                    if (r.statusCode() >= 400 && !"application/problem+json".equals(r.contentType().split(";")[0])) {
                        notProblems.add(route + " " + r.statusCode() + " " + r.contentType());
                    }
                }
            }));
        }
        try {
            Thread.sleep(2_000);
            suite.stop("analytics");
            Thread.sleep(4_000);
        } finally {
            running.set(false);
            for (Future<?> loop : loops) loop.get(30, TimeUnit.SECONDS);
            load.shutdownNow();
            suite.launch("analytics");
            suite.awaitReady("analytics", Duration.ofSeconds(60));
        }
        System.out.printf("[faults] analytics killed under load: %s%n", statuses.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().stream().collect(java.util.stream.Collectors.groupingBy(x -> x,
                        java.util.TreeMap::new, java.util.stream.Collectors.counting())))
                .toList());
        assertTrue(notProblems.isEmpty(), "every failure is a problem: " + notProblems);
        assertTrue(statuses.get("analytics").contains(503), "analytics routes failed while it was down");
        assertTrue(statuses.get("analytics").stream().allMatch(s -> s == 200 || s == 503), "only 200 or 503: " + statuses.get("analytics"));
        for (String other : List.of("sentiment", "recommender")) {
            assertTrue(statuses.get(other).size() > 20, other + " kept being called");
            assertTrue(statuses.get(other).stream().allMatch(s -> s == 200), other + " was unaffected: " + statuses.get(other));
        }
        awaitStatus(() -> given().baseUri(gateway).queryParam("charts", "none").when().get("/analytics/sales").statusCode(),
                200, Duration.ofSeconds(30));
    }

    /**
     * PostgreSQL stopped and started while an import stages its lines: the services recover without a
     * restart, the import ends failed with nothing of it stored, what was acknowledged before is all
     * there, and the same file imported again is stored exactly once.
     */
    @Test
    void postgresRestartedDuringAnImportLosesNothingAcknowledgedAndAppliesNothingHalfway() throws Exception {
        Path store = Files.createDirectories(Path.of("target", "faults-store").toAbsolutePath());
        Path big = store.resolve("order-lines.csv");
        Path productsCsv = store.resolve("products.csv");
        Path reviewsCsv = store.resolve("reviews.csv");
        try (Writer flat = Files.newBufferedWriter(big); Writer products = Files.newBufferedWriter(productsCsv);
             Writer reviews = Files.newBufferedWriter(reviewsCsv)) {
            StoreGenerator.Settings size = StoreGenerator.Settings.of(23, 200_000);
            new StoreGenerator(new StoreGenerator.Settings(size.seed(), size.lines(), size.customers(), 40_000, size.start(),
                    size.months(), 0.12)).generate(new StoreGenerator.Outputs(flat, null, null, products, reviews));
        }
        Path small = store.resolve("last-orders.csv");
        Files.write(small, lastWholeOrders(Files.readAllLines(big), 2_000));

        String analytics = suite.url("analytics");
        assertEquals("succeeded", importAndWait(analytics, small, Duration.ofSeconds(60)));
        BigDecimal before = revenue();
        assertEquals(0, before.compareTo(sumOfAmounts(small)), "the baseline is the small file: " + before + " vs " + sumOfAmounts(small));
        storeReviews(40);

        // the three kinds of import in flight together when the database goes away
        String gateway = suite.url("gateway");
        String reviewImport = given().baseUri(gateway).multiPart("file", reviewsCsv.toFile())
                .when().post("/api/v1/sentiment/reviews/imports").then().statusCode(202).extract().header("Location");
        String catalogImport = given().baseUri(gateway).multiPart("file", productsCsv.toFile())
                .when().post("/api/v1/catalog/imports").then().statusCode(202).extract().header("Location");
        String job = given().baseUri(analytics).multiPart("file", big.toFile()).when().post("/api/v1/imports/order-lines")
                .then().statusCode(202).extract().path("self");
        awaitStatus(() -> {
            Response r = given().baseUri(analytics).when().get(job);
            return r.path("status").equals("running") && ((Number) r.path("rowsRead")).longValue() >= 30_000 ? 1 : 0;
        }, 1, Duration.ofSeconds(60));
        cluster.stopServer();
        Thread.sleep(2_000);
        cluster.startServer();

        for (String service : List.of("analytics", "sentiment", "recommender", "gateway")) {
            suite.awaitReady(service, Duration.ofSeconds(60));
        }
        String outcome = Jobs.awaitEnd(analytics, job, Duration.ofSeconds(90));
        assertEquals("failed", outcome, "the interrupted import says it failed");
        assertEquals(0, before.compareTo(revenue()), "nothing of the interrupted import is stored");
        for (int p = 0; p < 4; p++) {
            assertEquals(10, ((List<?>) given().baseUri(gateway).queryParam("productId", "P-F" + p).queryParam("limit", "100")
                    .when().get("/api/v1/sentiment/reviews").then().statusCode(200).extract().path("reviews")).size(),
                    "every acknowledged review is still there");
        }
        // review and catalog imports replace by id: they start over once the database is back and end complete
        for (var imported : List.of(Map.entry(reviewImport, reviewsCsv), Map.entry(catalogImport, productsCsv))) {
            assertEquals("succeeded", Jobs.awaitEnd(gateway, imported.getKey(), Duration.ofSeconds(120)), imported.getKey());
            Response finished = given().baseUri(gateway).when().get(imported.getKey());
            long rows = Files.lines(imported.getValue()).count() - 1;
            assertEquals(rows, ((Number) finished.path("rowsStored")).longValue() + ((Number) finished.path("rowsRejected")).longValue(),
                    imported.getKey() + " accounts for every row once");
        }
        List<String> lastProduct = Files.readAllLines(productsCsv);
        given().baseUri(gateway).when().get("/api/v1/catalog/products/" + lastProduct.getLast().split(",", 2)[0]).then().statusCode(200);
        List<String> lastReview = Files.readAllLines(reviewsCsv);
        given().baseUri(gateway).when().get("/api/v1/sentiment/reviews/" + lastReview.getLast().split(",", 2)[0]).then().statusCode(200);

        assertEquals("succeeded", importAndWait(analytics, big, Duration.ofSeconds(180)));
        assertEquals(0, sumOfAmounts(big).compareTo(revenue()), "imported again: every line once (the small file's orders updated)");
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static String importAndWait(String analytics, Path file, Duration limit) {
        String job = given().baseUri(analytics).multiPart("file", file.toFile()).when().post("/api/v1/imports/order-lines")
                .then().statusCode(202).extract().path("self");
        return Jobs.awaitEnd(analytics, job, limit);
    }

    private static BigDecimal revenue() {
        String body = given().baseUri(suite.url("gateway")).queryParam("charts", "none")
                .when().get("/api/v1/analytics/sales/summary").then().statusCode(200).extract().asString();
        // read as a decimal: a double would round the cents of millions away
        return new io.restassured.path.json.JsonPath(body).using(io.restassured.path.json.config.JsonPathConfig.jsonPathConfig()
                .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL))
                .get("totals.revenue");
    }

    private static void storeReviews(int count) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            if (i > 0) body.append(',');
            body.append("{\"reviewId\":\"R-F").append(i).append("\",\"productId\":\"P-F").append(i % 4)
                    .append("\",\"customerId\":\"C-F").append(i).append("\",\"rating\":").append(1 + i % 5)
                    .append(",\"title\":\"Review ").append(i).append("\",\"text\":\"The product is ")
                    .append(i % 2 == 0 ? "excellent" : "disappointing").append(".\",\"createdAt\":\"2024-03-01T10:00:00Z\"}");
        }
        given().baseUri(suite.url("gateway")).contentType("application/json").body(body.append(']').toString())
                .when().post("/api/v1/sentiment/reviews").then().statusCode(200);
    }

    /** The header and the last {@code lines} lines of the file, widened back to the first line of their first order. */
    private static List<String> lastWholeOrders(List<String> all, int lines) {
        int from = all.size() - lines;
        String firstOrder = all.get(from).split(",", 2)[0];
        while (from > 1 && all.get(from - 1).split(",", 2)[0].equals(firstOrder)) from--;
        List<String> out = new ArrayList<>(List.of(all.get(0)));
        out.addAll(all.subList(from, all.size()));
        return out;
    }

    /** The revenue of a flat CSV, summed here from its amount column (12th; no field before it is quoted). */
    private static BigDecimal sumOfAmounts(Path csv) throws IOException {
        try (var lines = Files.lines(csv)) {
            return lines.skip(1).map(l -> {
                if (l.contains("\"")) throw new IllegalStateException("a quoted field: split by hand no more: " + l);
                return new BigDecimal(l.split(",")[11]);
            }).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private interface Probe {
        int get() throws Exception;
    }

    private static void awaitStatus(Probe probe, int expected, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            try {
                last = probe.get();
            } catch (RuntimeException e) {
                last = -1;
            }
            if (last == expected) return;
            Suite.sleep(250);
        }
        assertEquals(expected, last, "within " + limit);
    }

}
