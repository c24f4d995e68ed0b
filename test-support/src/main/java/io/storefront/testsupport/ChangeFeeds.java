package io.storefront.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;

/** Reads a service's cursor-based change feed ({@code cursor}, {@code hasMore}) as its followers do. */
public final class ChangeFeeds {

    private ChangeFeeds() {
    }

    /** The cursor after everything the feed at {@code path} holds now: a test reads from it what it changes. */
    public static String end(String path) {
        String cursor = "0";
        for (JsonPath page = page(path, cursor); ; page = page(path, cursor)) {
            cursor = page.getString("cursor");
            if (!page.getBoolean("hasMore")) return cursor;
        }
    }

    /** One page of at most 5,000 entries after {@code cursor}. */
    public static JsonPath page(String path, String cursor) {
        return given().queryParam("after", cursor).queryParam("limit", 5000)
                .when().get(path).then().statusCode(200).extract().jsonPath();
    }
}
