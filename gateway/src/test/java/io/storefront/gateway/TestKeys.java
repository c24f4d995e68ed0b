package io.storefront.gateway;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/** The keys of src/test/resources/test-api-keys (test-only secrets). */
public final class TestKeys {

    public static final String ADMIN = "sfk_test-admin_admin-secret-for-tests-only";
    public static final String ANALYST = "sfk_test-analyst_analyst-secret-for-tests-only";
    public static final String READER = "sfk_test-reader_reader-secret-for-tests-only";
    public static final String SLOW = "sfk_test-slow_slow-secret-for-tests-only";

    private static volatile boolean addAdminKey = true;

    /** Adds the admin key to requests that carry no key of their own (while switched on). */
    private static final Filter ADMIN_KEY = (request, response, context) -> {
        if (addAdminKey && !request.getHeaders().hasHeaderWithName("Authorization")
                && !request.getHeaders().hasHeaderWithName("X-API-Key")) {
            request.header("Authorization", "Bearer " + ADMIN);
        }
        return context.next(request, response);
    };

    private TestKeys() {
    }

    /** Every request of the tests sends the admin key unless it sets its own. */
    public static synchronized void sendAdminKeyByDefault() {
        addAdminKey = true;
        if (!RestAssured.filters().contains(ADMIN_KEY)) RestAssured.filters(ADMIN_KEY);
    }

    /** For tests of what happens without a key. */
    public static void sendNoKeyByDefault() {
        addAdminKey = false;
    }
}
