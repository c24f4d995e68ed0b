package io.storefront.testsupport;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;

/** Reads samples from a service's {@code /q/metrics} (Prometheus text format), for tests of its metrics. */
public final class PrometheusMetrics {

    private PrometheusMetrics() {
    }

    /** The metrics page of the service under test. */
    public static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /**
     * The sum of the samples named {@code name} whose labels include every {@code label=value} pair given, e.g.
     * {@code value(page, "storefront_job_duration_seconds_count", "kind", "catalog-import")}.
     *
     * @throws AssertionError when no sample matches (a missing metric is a failure, not a zero)
     */
    public static double value(String page, String name, String... labelPairs) {
        if (labelPairs.length % 2 != 0) throw new IllegalArgumentException("labels come in name, value pairs");
        List<String> wanted = new ArrayList<>();
        for (int i = 0; i < labelPairs.length; i += 2) wanted.add(labelPairs[i] + "=\"" + labelPairs[i + 1] + "\"");
        double sum = 0;
        boolean found = false;
        for (String line : page.split("\n")) {
            if (line.startsWith("#")) continue;
            int labelsAt = line.indexOf('{');
            int valueAt = line.lastIndexOf(' ');
            if (valueAt < 0) continue;
            String sample = labelsAt >= 0 && labelsAt < valueAt ? line.substring(0, labelsAt) : line.substring(0, valueAt);
            if (!sample.equals(name)) continue;
            String labels = labelsAt >= 0 && labelsAt < valueAt ? line.substring(labelsAt, line.lastIndexOf('}') + 1) : "{}";
            if (!wanted.stream().allMatch(l -> labels.contains("{" + l + ",") || labels.contains("," + l + ",")
                    || labels.contains("," + l + "}") || labels.contains("{" + l + "}"))) {
                continue;
            }
            sum += Double.parseDouble(line.substring(valueAt + 1));
            found = true;
        }
        if (!found) throw new AssertionError("no sample " + name + " with " + wanted + " in the metrics");
        return sum;
    }

    /** How much a counter grew between two scrapes (see {@link #value} for the arguments). */
    public static double increase(String before, String after, String name, String... labelPairs) {
        return value(after, name, labelPairs) - value(before, name, labelPairs);
    }

    /**
     * Scrapes until the sample reaches {@code atLeast} (for up to 5 s) and returns the page: a job's metrics are
     * recorded just after its status, which a test polling the job can see first.
     */
    public static String scrapeOnceAtLeast(double atLeast, String name, String... labelPairs) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            String page = scrape();
            if (value(page, name, labelPairs) >= atLeast || System.nanoTime() > deadline) return page;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return page;
            }
        }
    }
}
