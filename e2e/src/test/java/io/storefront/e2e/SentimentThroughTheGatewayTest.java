package io.storefront.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.storefront.generator.StoreGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Review scoring and storage as the web shop meets them: packaged services, the gateway's routes, a generated store. */
class SentimentThroughTheGatewayTest {

    static Suite suite;
    static String reviewsCsv;
    static List<Map<String, Object>> reviews;

    @BeforeAll
    static void startSuite() throws IOException {
        suite = Suite.start();
        Suite.sendAdminKey();
        StringWriter csv = new StringWriter();
        new StoreGenerator(StoreGenerator.Settings.of(3, 20_000))
                .generate(new StoreGenerator.Outputs(null, null, null, null, csv));
        reviewsCsv = csv.toString();
        reviews = parse(reviewsCsv);
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) suite.close();
    }

    @Test
    void theOriginalRouteScoresTextAndRefusesWhatItCannot() {
        given().baseUri(suite.url("gateway")).contentType(ContentType.JSON)
                .body(Map.of("text", "Sturdy and well made, but the zip broke after two days. Disappointing!"))
                .when().post("/sentiment")
                .then().statusCode(200).body("label", equalTo("negative")).body("language", equalTo("en"));
        given().baseUri(suite.url("gateway")).contentType(ContentType.JSON)
                .body(Map.of("text", "great ".repeat(20_000))).when().post("/sentiment")
                .then().statusCode(413).contentType("application/problem+json");
        given().baseUri(suite.url("gateway")).contentType(ContentType.JSON).body("{\"text\": ").when().post("/sentiment")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aReviewExportLargerThanAJsonBodyStreamsToSentimentWhole() {
        // 2,000 rows of about 9 kB, 18 MB: more than the 16M a JSON body may have. Each row's rating is not a
        // number, so every one is read and rejected: the store the other tests count stays as it is.
        String images = "https://img.example/" + "x".repeat(9_000);
        StringBuilder csv = new StringBuilder("review_id,product_id,rating,text,images\n");
        for (int i = 0; i < 2_000; i++) csv.append("big-").append(i).append(",P-big,many,Lovely.,").append(images).append('\n');
        byte[] body = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(body.length > 16 << 20, "larger than a JSON body may be: " + body.length);
        String job = given().baseUri(suite.url("gateway")).multiPart("file", "big-export.csv", body, "text/csv")
                .when().post("/api/v1/sentiment/reviews/imports")
                .then().statusCode(202).extract().header("Location");
        JsonPath imported = poll(job, "succeeded", "failed");
        assertEquals("succeeded", imported.getString("status"), imported.getString("failure"));
        assertEquals(2_000, imported.getInt("rowsRead"));
        assertEquals(2_000, imported.getInt("rowsRejected"));
        assertEquals(0, imported.getInt("rowsStored"));
    }

    @Test
    void theGeneratedStoresReviewsAreStoredScoredInLineWithTheirStarsAndSummarised() {
        // the first 400 as a JSON batch, all of them as the generator's CSV file (the 400 are replaced, not doubled)
        int stored = given().baseUri(suite.url("gateway")).contentType(ContentType.JSON).body(reviews.subList(0, 400))
                .when().post("/api/v1/sentiment/reviews")
                .then().statusCode(200).extract().jsonPath().getInt("stored");
        assertEquals(400, stored);
        String job = given().baseUri(suite.url("gateway"))
                .multiPart("file", "reviews.csv", reviewsCsv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv")
                .when().post("/api/v1/sentiment/reviews/imports")
                .then().statusCode(202).extract().header("Location");
        JsonPath imported = poll(job, "succeeded", "failed");
        assertEquals("succeeded", imported.getString("status"), imported.prettify());
        assertEquals(reviews.size(), imported.getInt("rowsStored"));
        assertEquals(0, imported.getInt("rowsRejected"));

        // the texts were generated to agree with their stars except for about 6 % noise
        Map<String, String> labels = new LinkedHashMap<>();
        String cursor = "0";
        boolean more = true;
        while (more) {
            JsonPath page = given().baseUri(suite.url("gateway")).queryParam("after", cursor).queryParam("limit", 1000)
                    .when().get("/api/v1/sentiment/reviews").then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("reviews.reviewId");
            List<String> pageLabels = page.getList("reviews.label");
            for (int i = 0; i < ids.size(); i++) labels.put(ids.get(i), pageLabels.get(i));
            cursor = page.getString("cursor");
            more = page.getBoolean("hasMore");
        }
        assertEquals(reviews.size(), labels.size());
        int clear = 0;
        int agree = 0;
        for (Map<String, Object> r : reviews) {
            int rating = (Integer) r.get("rating");
            if (rating == 3) continue;
            clear++;
            String label = labels.get((String) r.get("reviewId"));
            if (label.equals(rating >= 4 ? "positive" : "negative")) agree++;
        }
        double agreement = (double) agree / clear;
        assertTrue(agreement >= 0.85, "labels agree with the stars for " + agreement + " of " + clear + " reviews");

        Map<String, List<Map<String, Object>>> byProduct = reviews.stream()
                .collect(Collectors.groupingBy(r -> (String) r.get("productId")));
        var busiest = byProduct.entrySet().stream().max(Comparator.comparingInt(e -> e.getValue().size())).orElseThrow();
        double meanRating = busiest.getValue().stream().mapToInt(r -> (Integer) r.get("rating")).average().orElseThrow();
        JsonPath summary = given().baseUri(suite.url("gateway")).when()
                .get("/api/v1/sentiment/products/" + busiest.getKey()).then().statusCode(200).extract().jsonPath();
        assertEquals(busiest.getValue().size(), summary.getInt("summary.reviews"));
        assertEquals(meanRating, summary.getDouble("summary.meanRating"), 1e-3);

        // a model trained on these ratings, compared with the lexicon on the same folds; then back to the lexicon
        String training = given().baseUri(suite.url("gateway")).when().post("/api/v1/sentiment/models")
                .then().statusCode(202).extract().header("Location");
        JsonPath model = poll(training, "trained", "failed");
        try {
            assertEquals("trained", model.getString("status"), model.prettify());
            assertTrue(model.getDouble("metrics.trained.accuracy") > 0.8, model.prettify());
            assertEquals(model.getBoolean("metrics.better"), model.getBoolean("active"), model.prettify());
        } finally {
            given().baseUri(suite.url("gateway")).when().post("/api/v1/sentiment/models/lexicon/activate")
                    .then().statusCode(200);
        }
    }

    @Test
    void withSentimentDownOnlyItsRoutesFailAndTheyRecover() throws InterruptedException {
        suite.stop("sentiment");
        try {
            long started = System.nanoTime();
            given().baseUri(suite.url("gateway")).contentType(ContentType.JSON).body(Map.of("text", "fine"))
                    .when().post("/sentiment")
                    .then().statusCode(503).contentType("application/problem+json");
            assertTrue(java.time.Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5, "fails fast");
            given().baseUri(suite.url("gateway")).queryParam("charts", "none").when().get("/analytics/sales")
                    .then().statusCode(200);
            given().baseUri(suite.url("gateway")).when().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'services' }.data.sentiment", equalTo("DOWN"))
                    .body("checks.find { it.name == 'services' }.data.analytics", equalTo("UP"));
        } finally {
            suite.launch("sentiment");
            suite.awaitReady("sentiment", java.time.Duration.ofSeconds(60));
        }
        // the circuit breaker may stay open for a few seconds after the service returns
        int status = 0;
        for (int i = 0; i < 30 && status != 200; i++) {
            status = given().baseUri(suite.url("gateway")).contentType(ContentType.JSON).body(Map.of("text", "fine"))
                    .when().post("/sentiment").then().extract().statusCode();
            if (status != 200) Thread.sleep(500);
        }
        assertEquals(200, status, "scoring recovers by itself once the service is back");
    }

    /** Polls a job at the gateway (its Location) until it reaches one of the end states. */
    private static JsonPath poll(String location, String... ends) {
        for (int i = 0; i < 1200; i++) {
            JsonPath job = given().baseUri(suite.url("gateway")).when().get(location).then().statusCode(200)
                    .extract().jsonPath();
            if (List.of(ends).contains(job.getString("status"))) return job;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(location + " did not end in 120 s");
    }

    /** The generator's reviews.csv: review_id,product_id,customer_id,rating,title,text,created_at (RFC 4180 quoting). */
    private static List<Map<String, Object>> parse(String csv) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> lines = csv.lines().skip(1).toList();
        for (String line : lines) {
            List<String> f = fields(line);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("reviewId", f.get(0));
            r.put("productId", f.get(1));
            r.put("customerId", f.get(2));
            r.put("rating", Integer.parseInt(f.get(3)));
            r.put("title", f.get(4));
            r.put("text", f.get(5));
            r.put("createdAt", f.get(6));
            rows.add(r);
        }
        return rows;
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
