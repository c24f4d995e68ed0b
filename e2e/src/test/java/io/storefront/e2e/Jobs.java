package io.storefront.e2e;

import static io.restassured.RestAssured.given;

import java.time.Duration;

/** Import and build jobs of every service as the suite's tests wait for them. */
final class Jobs {

    private Jobs() {
    }

    /**
     * Polls {@code job} (a path at {@code baseUri}) until it succeeds or fails, for at most {@code limit};
     * returns the last status seen ("unreachable" while the service does not answer).
     */
    static String awaitEnd(String baseUri, String job, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        String status = "queued";
        while (System.nanoTime() < deadline) {
            try {
                status = given().baseUri(baseUri).when().get(job).then().extract().path("status");
            } catch (RuntimeException e) {
                status = "unreachable";
            }
            if ("succeeded".equals(status) || "failed".equals(status)) return status;
            Suite.sleep(100);
        }
        return status;
    }
}
