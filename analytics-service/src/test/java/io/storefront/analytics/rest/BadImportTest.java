package io.storefront.analytics.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
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

    private static io.restassured.response.ValidatableResponse upload(String csv) {
        return given().multiPart("file", "export.csv", csv.getBytes(), "text/csv")
                .when().post("/api/v1/imports/order-lines").then();
    }

    @Test
    void badRowsAreListedGoodRowsStoredAndEarlierDataKept() {
        upload(HEADER + "BAD-1,2031-01-05,Asha,Goa,Goa,Clothing,Saree,1,100.00,10,UPI\n").statusCode(200);

        upload(HEADER
                + "BAD-2,2031-02-30,Ravi,Goa,Goa,Clothing,Saree,1,100,10,UPI\n"       // malformed date
                + "BAD-3,2031-02-03,Mira,Goa,Goa,Clothing,Saree,1,ten,10,UPI\n"       // non-numeric amount
                + "BAD-4,2031-02-04,Noor,Goa,Goa,Clothing,Saree,2,300.50,-5,COD\n"    // good
                + "BAD-5,2031-02-05,Dev,Goa,,Clothing,Saree,1,50,5,UPI\n")            // missing city
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:storefront:problem:invalid-rows"))
                .body("rowsRejected", equalTo(3)).body("linesStored", equalTo(1))
                .body("errors", hasSize(3))
                .body("errors[0].line", equalTo(2)).body("errors[0].field", equalTo("order_date"))
                .body("errors[0].file", equalTo("export.csv"))
                .body("errors[1].line", equalTo(3)).body("errors[1].field", equalTo("amount"))
                .body("errors[2].line", equalTo(5)).body("errors[2].field", equalTo("city"))
                .body("detail", containsString("3 of 4 rows were rejected"));

        JsonPath y2031 = year("2031");
        org.junit.jupiter.api.Assertions.assertEquals(2, y2031.getInt("totals.orders"), "BAD-1 kept, BAD-4 added");
        org.junit.jupiter.api.Assertions.assertEquals(0, new java.math.BigDecimal("400.50")
                .compareTo(new java.math.BigDecimal(y2031.getString("totals.revenue"))));
    }

    @Test
    void aFileMissingAColumnIsRejectedWholeAndStoresNothing() {
        upload("order_id,order_date,customer_name,state,city,category,quantity,amount,profit,payment_mode\n"
                + "MISS-1,2032-01-01,Asha,Goa,Goa,Clothing,1,100,10,UPI\n")
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].line", equalTo(1)).body("errors[0].field", equalTo("sub_category"))
                .body("linesStored", equalTo(0))
                .body("detail", containsString("nothing was stored"));
        org.junit.jupiter.api.Assertions.assertEquals(0, year("2032").getInt("totals.orders"));
    }

    @Test
    void brokenCsvOrEncodingRollsTheWholeImportBack() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 12_000; i++) {  // more than two batches before the break
            csv.append("ROLL-").append(i).append(",2033-03-01,Asha,Goa,Goa,Clothing,Saree,1,10,1,UPI\n");
        }
        csv.append("ROLL-X,2033-03-01,\"never closed,Goa,Goa,Clothing,Saree,1,10,1,UPI\n");
        upload(csv.toString()).statusCode(422).body("errors[0].line", equalTo(12_002));
        org.junit.jupiter.api.Assertions.assertEquals(0, year("2033").getInt("totals.orders"));

        byte[] latin1 = (HEADER + "ENC-1,2034-01-01,Jos\u00e9,Goa,Goa,Clothing,Saree,1,10,1,UPI\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        given().multiPart("file", "latin1.csv", latin1, "text/csv").when().post("/api/v1/imports/order-lines")
                .then().statusCode(422).body("detail", containsString("not UTF-8"));
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
        given().contentType("application/json").body("{}").when().post("/api/v1/imports/order-lines")
                .then().statusCode(415).contentType("application/problem+json")
                .body("detail", not(containsString("Exception")));
    }
}
