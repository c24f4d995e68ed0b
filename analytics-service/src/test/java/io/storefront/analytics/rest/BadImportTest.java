package io.storefront.analytics.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.storefront.testsupport.PrometheusMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input gets a 4xx problem naming line and column; good rows are stored; nothing earlier is lost. */
@QuarkusTest
class BadImportTest {

    private static final String HEADER = "order_id,order_date,customer_name,state,city,category,sub_category,"
            + "quantity,amount,profit,payment_mode\n";

    private static JsonPath year(String year) {
        return given().queryParam("from", year + "-01-01").queryParam("to", year + "-12-31").queryParam("charts", "none")
                .when().get("/api/v1/sales/summary").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath upload(String csv) {
        return ImportJobs.flat("export.csv", csv);
    }

    @Test
    void badRowsAreListedGoodRowsStoredAndEarlierDataKept() {
        assertEquals("succeeded", upload(HEADER + "BAD-1,2031-01-05,Asha,Goa,Goa,Clothing,Saree,1,100.00,10,UPI\n")
                .getString("status"));
        String[] succeeded = {"kind", "order-import", "outcome", "succeeded"};
        double endedBefore = PrometheusMetrics.value(PrometheusMetrics.scrapeOnceAtLeast(1,
                "storefront_job_duration_seconds_count", succeeded), "storefront_job_duration_seconds_count", succeeded);
        String before = PrometheusMetrics.scrape();

        JsonPath job = upload(HEADER
                + "BAD-2,2031-02-30,Ravi,Goa,Goa,Clothing,Saree,1,100,10,UPI\n"       // malformed date
                + "BAD-3,2031-02-03,Mira,Goa,Goa,Clothing,Saree,1,ten,10,UPI\n"       // non-numeric amount
                + "BAD-4,2031-02-04,Noor,Goa,Goa,Clothing,Saree,2,300.50,-5,COD\n"    // good
                + "BAD-5,2031-02-05,Dev,Goa,,Clothing,Saree,1,50,5,UPI\n");           // missing city
        assertEquals("succeeded", job.getString("status"), "the good rows are stored");
        assertEquals(100, job.getInt("percent"));
        assertEquals(4, job.getInt("rowsRead"));
        assertEquals(3, job.getInt("rowsRejected"));
        assertEquals(1, job.getInt("linesStored"));
        assertEquals(List.of(2, 3, 5), job.getList("errors.line", Integer.class));
        assertEquals(List.of("order_date", "amount", "city"), job.getList("errors.column"));
        assertEquals("export.csv", job.getString("errors[0].file"));

        // what operators see: one more import ended well, four rows read, three of them rejected
        String after = PrometheusMetrics.scrapeOnceAtLeast(endedBefore + 1, "storefront_job_duration_seconds_count",
                succeeded);
        assertEquals(endedBefore + 1, PrometheusMetrics.value(after, "storefront_job_duration_seconds_count", succeeded));
        assertEquals(4.0, rowsIncrease(before, after, "read"));
        assertEquals(3.0, rowsIncrease(before, after, "rejected"));

        JsonPath y2031 = year("2031");
        assertEquals(2, y2031.getInt("totals.orders"), "BAD-1 kept, BAD-4 added");
        assertEquals(0, new java.math.BigDecimal("400.50").compareTo(new java.math.BigDecimal(y2031.getString("totals.revenue"))));
    }

    private static double rowsIncrease(String before, String after, String result) {
        return PrometheusMetrics.increase(before, after, "storefront_job_rows_total", "kind", "order-import", "result", result);
    }

    @Test
    void textTheDatabaseCannotHoldIsARejectedRowNotAFailedImport() {
        JsonPath job = upload(HEADER
                + "NUL-1,2048-01-05,As\u0000ha,Goa,Goa,Clothing,Saree,1,100,10,UPI\n"
                + "NUL-2,2048-01-06,Asha,Goa,Goa,Clothing,Saree,1,40,4,UPI\n");
        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals(1, job.getInt("linesStored"));
        assertEquals(2, job.getInt("errors[0].line"));
        assertEquals("customer_name", job.getString("errors[0].column"));
        assertTrue(job.getString("errors[0].message").contains("NUL"), job.getString("errors[0].message"));
        assertEquals(1, year("2048").getInt("totals.orders"));

        JsonPath years = upload(HEADER + "YEAR-1,0000-01-05,Asha,Goa,Goa,Clothing,Saree,1,100,10,UPI\n"
                + "YEAR-2,2048-03-05,Asha,Goa,Goa,Clothing,Saree,1,100,10,UPI\n");
        assertEquals("succeeded", years.getString("status"), years.prettify());
        assertEquals(1, years.getInt("linesStored"));
        assertEquals("order_date", years.getString("errors[0].column"));

        JsonPath json = ImportJobs.run(given().contentType("application/json").body("""
                [{"orderId": "NUL-3", "orderDate": "2048-02-01", "customerName": {"first": "Asha"}, "state": "Goa",
                  "city": "Panaji", "category": "Books", "subCategory": "Novels", "quantity": 1, "amount": 10,
                  "profit": 1, "paymentMode": "UPI"}]"""), "/api/v1/imports/order-lines");
        assertEquals("customer_name", json.getString("errors[0].column"), json.prettify());
        assertTrue(json.getString("errors[0].message").contains("object or array"), json.getString("errors[0].message"));
        assertEquals(0, json.getInt("linesStored"));
    }

    @Test
    void aFileMissingAColumnFailsWholeAndStoresNothing() {
        String[] failed = {"kind", "order-import", "outcome", "failed"};
        double failedBefore = PrometheusMetrics.value(PrometheusMetrics.scrape(), "storefront_job_duration_seconds_count", failed);
        JsonPath job = upload("order_id,order_date,customer_name,state,city,category,quantity,amount,profit,payment_mode\n"
                + "MISS-1,2032-01-01,Asha,Goa,Goa,Clothing,1,100,10,UPI\n");
        assertEquals("failed", job.getString("status"));
        assertEquals(0, job.getInt("linesStored"));
        assertEquals(1, job.getInt("errors[0].line"));
        assertEquals("sub_category", job.getString("errors[0].column"));
        assertTrue(job.getString("failure").contains("nothing was stored"), job.getString("failure"));
        assertEquals(0, year("2032").getInt("totals.orders"));
        assertEquals(failedBefore + 1, PrometheusMetrics.value(PrometheusMetrics.scrapeOnceAtLeast(failedBefore + 1,
                "storefront_job_duration_seconds_count", failed), "storefront_job_duration_seconds_count", failed));
    }

    @Test
    void brokenCsvOrEncodingRollsTheWholeImportBack() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 12_000; i++) {  // more than one batch before the break
            csv.append("ROLL-").append(i).append(",2033-03-01,Asha,Goa,Goa,Clothing,Saree,1,10,1,UPI\n");
        }
        csv.append("ROLL-X,2033-03-01,\"never closed,Goa,Goa,Clothing,Saree,1,10,1,UPI\n");
        JsonPath job = upload(csv.toString());
        assertEquals("failed", job.getString("status"));
        assertEquals(12_002, job.getInt("errors[0].line"));
        assertEquals(0, year("2033").getInt("totals.orders"));

        byte[] latin1 = (HEADER + "ENC-1,2034-01-01,Jos\u00e9,Goa,Goa,Clothing,Saree,1,10,1,UPI\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        JsonPath encoding = ImportJobs.flat("latin1.csv", latin1);
        assertEquals("failed", encoding.getString("status"));
        assertTrue(encoding.getString("errors[0].message").contains("not UTF-8"));
    }

    @Test
    void aColumnMappingReadsAStoresOwnExport() {
        String export = "Beleg,Bestelldatum,Kunde,Bundesland,Ort,Warengruppe,Untergruppe,Menge,Umsatz,Gewinn,Zahlart\n"
                + "MAP-1,2042-04-01,Asha,Goa,Panaji,Books,Novels,2,120.00,30,UPI\n";
        String mapping = "{\"order_id\":\"Beleg\",\"order_date\":\"Bestelldatum\",\"customer_name\":\"Kunde\","
                + "\"state\":\"Bundesland\",\"city\":\"Ort\",\"category\":\"Warengruppe\",\"sub_category\":\"Untergruppe\","
                + "\"quantity\":\"Menge\",\"amount\":\"Umsatz\",\"profit\":\"Gewinn\",\"payment_mode\":\"Zahlart\"}";
        JsonPath job = ImportJobs.run(given().multiPart("file", "export.csv", export.getBytes(), "text/csv")
                .multiPart("mapping", mapping), "/api/v1/imports/order-lines");
        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals(1, job.getInt("linesStored"));
        assertEquals(0, new java.math.BigDecimal("120").compareTo(new java.math.BigDecimal(year("2042").getString("totals.revenue"))));

        given().multiPart("file", "export.csv", export.getBytes(), "text/csv").multiPart("mapping", "{\"colour\":\"Farbe\"}")
                .when().post("/api/v1/imports/order-lines").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("mapping"));
        given().multiPart("file", "export.csv", export.getBytes(), "text/csv").multiPart("mapping", "not json")
                .when().post("/api/v1/imports/order-lines").then().statusCode(400);
        JsonPath wrongColumn = ImportJobs.run(given().multiPart("file", "export.csv", export.getBytes(), "text/csv")
                .multiPart("mapping", "{\"order_date\":\"Lieferdatum\"}"), "/api/v1/imports/order-lines");
        assertEquals("failed", wrongColumn.getString("status"));
        assertTrue(wrongColumn.getString("errors[0].message").contains("Lieferdatum"));
    }

    @Test
    void jsonBatchesAreImportedWithTheSameRules() {
        String batch = """
                [{"orderId": "JS-1", "orderDate": "2043-06-01", "customerId": "C-9", "customerName": "Asha",
                  "state": "Goa", "city": "Panaji", "category": "Books", "subCategory": "Novels",
                  "quantity": 3, "amount": 45.5, "profit": 5, "paymentMode": "UPI"},
                 {"orderId": "JS-2", "orderDate": "2043-06-31", "customerName": "Ravi", "state": "Goa", "city": "Panaji",
                  "category": "Books", "subCategory": "Novels", "quantity": 1, "amount": 10, "profit": 1, "paymentMode": "UPI"}]""";
        JsonPath job = ImportJobs.run(given().contentType("application/json").body(batch), "/api/v1/imports/order-lines");
        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals("json", job.getString("format"));
        assertEquals(1, job.getInt("linesStored"));
        assertEquals(2, job.getInt("errors[0].line"), "the second item");
        assertEquals("order_date", job.getString("errors[0].column"));
        assertEquals(0, new java.math.BigDecimal("45.5").compareTo(new java.math.BigDecimal(
                given().queryParam("from", "2043-06-01").queryParam("to", "2043-06-30").queryParam("charts", "none")
                        .when().get("/api/v1/sales/summary").then().extract().jsonPath().getString("totals.revenue"))));

        JsonPath notArray = ImportJobs.run(given().contentType("application/json").body("{\"orderId\": 1}"),
                "/api/v1/imports/order-lines");
        assertEquals("failed", notArray.getString("status"));
        JsonPath truncated = ImportJobs.run(given().contentType("application/json").body("[{\"orderId\": \"X\""),
                "/api/v1/imports/order-lines");
        assertEquals("failed", truncated.getString("status"));
    }

    @Test
    void jobsAreListedNewestFirstAndUnknownOnesAre404() {
        upload(HEADER + "LIST-1,2044-07-01,Asha,Goa,Goa,Clothing,Saree,1,10,1,UPI\n");
        List<Integer> ids = given().queryParam("limit", "3").when().get("/api/v1/imports").then().statusCode(200)
                .extract().jsonPath().getList("id", Integer.class);
        assertTrue(ids.size() >= 1 && ids.size() <= 3);
        assertEquals(ids.stream().sorted(java.util.Comparator.reverseOrder()).toList(), ids);
        given().when().get("/api/v1/imports/99999999").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/imports/abc").then().statusCode(404);
    }

    @Test
    void missingPartsAndWrongContentTypesAreProblems() {
        given().multiPart("order", "order.csv", "order_id\n".getBytes(), "text/csv")
                .when().post("/api/v1/imports/seed")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("detail"));
        given().contentType("multipart/form-data; boundary=xyz").body("garbage".getBytes()).when().post("/api/v1/imports/order-lines")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:storefront:problem:malformed-body"));
        given().contentType("text/plain").body("{}").when().post("/api/v1/imports/order-lines")
                .then().statusCode(415).contentType("application/problem+json")
                .body("detail", not(containsString("Exception")));
    }
}
