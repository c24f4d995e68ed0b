package io.storefront.sentiment.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.storefront.testsupport.ChunkedBodies;
import io.storefront.testsupport.PrometheusMetrics;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReviewImportTest {

    private static JsonPath importAndWait(byte[] csv) {
        String location = given().multiPart("file", "reviews.csv", csv, "text/csv")
                .when().post("/api/v1/reviews/imports")
                .then().statusCode(202).extract().header("Location");
        for (int i = 0; i < 300; i++) {
            JsonPath job = given().when().get(location).then().statusCode(200).extract().jsonPath();
            String status = job.getString("status");
            if (status.equals("succeeded") || status.equals("failed")) return job;
            try {
                Thread.sleep(Duration.ofMillis(100));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the import did not finish in 30 s");
    }

    private static int reviewsOf(String product) {
        return given().queryParam("productId", product).queryParam("limit", 1000).when().get("/api/v1/reviews")
                .then().statusCode(200).extract().jsonPath().getList("reviews").size();
    }

    @Test
    void aCsvExportWithItsOwnHeaderNamesIsImportedAndItsBadRowsListed() {
        String before = PrometheusMetrics.scrape();
        String p = "CSV-" + UUID.randomUUID();
        String csv = "Review ID,ASIN,User ID,Stars,Summary,Review Text,Date\n"
                + "r1-" + p + "," + p + ",u1,5,Lovely,\"Soft, warm and\nwell made.\",2026-10-01\n"
                + "r2-" + p + "," + p + ",u2,five,Meh,It is fine.,2026-10-02\n"
                + "r3-" + p + "," + p + ",u3,1,Broke,The zip broke on day one.,2026-10-03T09:00:00Z\n"
                + "r4-" + p + ",,u4,4,No product,Good.,2026-10-04\n"
                + "r5-" + p + "," + p + ",u5,,,Arrived quickly.,\n";
        JsonPath job = importAndWait(csv.getBytes(StandardCharsets.UTF_8));
        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals(5, job.getInt("rowsRead"));
        assertEquals(3, job.getInt("rowsStored"));
        assertEquals(2, job.getInt("rowsRejected"));
        assertEquals(List.of(4, 6), job.getList("errors.line"), "line numbers count the quoted line break");
        assertEquals(List.of("rating", "productId"), job.getList("errors.field"));
        assertEquals(100, job.getInt("percent"));
        assertEquals(3, reviewsOf(p));
        JsonPath first = given().when().get("/api/v1/reviews/r1-" + p).then().statusCode(200).extract().jsonPath();
        assertEquals("Soft, warm and\nwell made.", first.getString("text"));
        assertEquals(5, first.getInt("rating"));
        assertEquals("positive", first.getString("label"));
        assertEquals("negative", given().when().get("/api/v1/reviews/r3-" + p).then().statusCode(200)
                .extract().jsonPath().getString("label"));

        String[] succeeded = {"kind", "review-import", "outcome", "succeeded"};
        double ended = PrometheusMetrics.value(before, "storefront_job_duration_seconds_count", succeeded);
        String after = PrometheusMetrics.scrapeOnceAtLeast(ended + 1, "storefront_job_duration_seconds_count", succeeded);
        assertEquals(ended + 1, PrometheusMetrics.value(after, "storefront_job_duration_seconds_count", succeeded));
        for (var rows : Map.of("read", 5.0, "rejected", 2.0).entrySet()) {
            assertEquals(rows.getValue(), PrometheusMetrics.increase(before, after, "storefront_job_rows_total", "kind",
                    "review-import", "result", rows.getKey()), rows.getKey());
        }
    }

    @Test
    void aFileThatCannotBeReadFailsAndStoresNothing() {
        String p = "BAD-" + UUID.randomUUID();
        JsonPath noText = importAndWait(("review_id,product_id,rating\nr-" + p + "," + p + ",5\n").getBytes(StandardCharsets.UTF_8));
        assertEquals("failed", noText.getString("status"));
        assertTrue(noText.getString("failure").contains("no column for text"), noText.getString("failure"));

        JsonPath broken = importAndWait(("review_id,product_id,text\nr1-" + p + "," + p + ",fine\nr2-" + p + "," + p
                + ",\"never closed\n").getBytes(StandardCharsets.UTF_8));
        assertEquals("failed", broken.getString("status"));
        assertTrue(broken.getString("failure").contains("line 3"), broken.getString("failure"));

        byte[] latin1 = ("review_id,product_id,text\nr3-" + p + "," + p + ",tr\u00e8s bien\n").getBytes(StandardCharsets.ISO_8859_1);
        JsonPath notUtf8 = importAndWait(latin1);
        assertEquals("failed", notUtf8.getString("status"));
        assertTrue(notUtf8.getString("failure").contains("not UTF-8"), notUtf8.getString("failure"));
        assertEquals(0, reviewsOf(p), "nothing stored, not even the good row before the broken one");
    }

    @TestHTTPResource("/api/v1/reviews")
    URI reviews;

    /** 18 MB: over the 16 MB a JSON body may have, far under the 512 MB of an upload. */
    @Test
    void aReviewExportLargerThanAJsonBodyIsImportedWhileJsonThatLargeIsRefused() {
        String p = "BIG-" + UUID.randomUUID();
        String images = "https://img.example/" + "x".repeat(9_000); // exports carry columns the import ignores
        StringBuilder csv = new StringBuilder("review_id,product_id,rating,text,images\n");
        for (int i = 0; i < 2_000; i++) {
            csv.append("r").append(i).append('-').append(p).append(',').append(p).append(",5,Lovely and warm.,").append(images).append('\n');
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(file.length > 18_000_000, "the file is " + file.length + " bytes");
        JsonPath job = importAndWait(file);
        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals(2_000, job.getInt("rowsStored"));
        assertEquals(1_000, reviewsOf(p), "the first page of the product's reviews is full");

        String review = "{\"reviewId\":\"j-" + p + "\",\"productId\":\"" + p + "\",\"text\":\"" + "Warm. ".repeat(3_000) + "\"}";
        byte[] json = ("[" + String.join(",", java.util.Collections.nCopies(1_000, review)) + "]").getBytes(StandardCharsets.UTF_8);
        assertTrue(json.length > 16 * 1024 * 1024);
        given().contentType(ContentType.JSON).body(json).when().post("/api/v1/reviews").then().statusCode(413)
                .contentType("application/problem+json").body("detail", containsString("multipart uploads"));
        ChunkedBodies.Answer chunked = ChunkedBodies.post(reviews, "application/json", json);
        assertEquals(413, chunked.status(), "a body without a length is counted: " + chunked);
        assertEquals("application/problem+json", chunked.contentType(), chunked.toString());
        assertTrue(chunked.body().contains("multipart uploads"), chunked.body());
        byte[] small = ("[" + review + "]").getBytes(StandardCharsets.UTF_8);
        assertEquals(200, ChunkedBodies.post(reviews, "application/json", small).status(), "a small one without a length is read");
        given().when().get("/api/v1/reviews/j-" + p).then().statusCode(200);
    }

    @Test
    void anImportWithoutAFileIsABadRequest() {
        given().multiPart("other", "x").when().post("/api/v1/reviews/imports").then().statusCode(400)
                .contentType("application/problem+json");
        given().when().get("/api/v1/reviews/imports/999999").then().statusCode(404);
        given().when().get("/api/v1/reviews/imports").then().statusCode(200);
    }
}
