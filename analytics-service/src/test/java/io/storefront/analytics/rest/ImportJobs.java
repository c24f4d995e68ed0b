package io.storefront.analytics.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.storefront.testsupport.SharedData;
import java.time.Duration;
import java.util.List;

/** Uploads through the import API and waits for the job to end, as a client does. */
final class ImportJobs {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private ImportJobs() {
    }

    /** Posts {@code request} to {@code path}, checks the 202 and its Location, polls the job to its end. */
    static JsonPath run(RequestSpecification request, String path) {
        Response accepted = request.when().post(path);
        accepted.then().statusCode(202).contentType("application/json")
                .header("Location", startsWith("http")).body("status", equalTo("queued"));
        String job = accepted.jsonPath().getString("self");
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath state = given().when().get(job).then().statusCode(200).extract().jsonPath();
            if (!List.of("queued", "running").contains(state.getString("status"))) {
                return state;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
        throw new AssertionError("import job " + job + " did not end within " + PATIENCE);
    }

    static JsonPath flat(String fileName, byte[] csv) {
        return run(given().multiPart("file", fileName, csv, "text/csv"), "/api/v1/imports/order-lines");
    }

    static JsonPath flat(String fileName, String csv) {
        return flat(fileName, csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Imports the seed's two files and checks that every row was stored. */
    static JsonPath seed() {
        JsonPath job = run(given().multiPart("order", SharedData.seed("order.csv").toFile())
                .multiPart("detail", SharedData.seed("detail.csv").toFile()), "/api/v1/imports/seed");
        org.junit.jupiter.api.Assertions.assertEquals("succeeded", job.getString("status"), job.prettify());
        org.junit.jupiter.api.Assertions.assertEquals(2000, job.getInt("rowsRead"));
        org.junit.jupiter.api.Assertions.assertEquals(0, job.getInt("rowsRejected"));
        org.junit.jupiter.api.Assertions.assertEquals(1500, job.getInt("linesStored"));
        org.junit.jupiter.api.Assertions.assertEquals(1500, job.getInt("rowsStored"), "the name every service's jobs use");
        return job;
    }
}
