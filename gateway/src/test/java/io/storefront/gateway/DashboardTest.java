package io.storefront.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** The dashboard's files as the gateway serves them: no key needed, no inline script, strict security headers. */
@QuarkusTest
@WithTestResource(AnalyticsStub.class)
class DashboardTest {

    @Test
    void theDashboardIsServedWithAStrictContentSecurityPolicy() {
        String html = given().when().get("/").then().statusCode(200)
                .contentType(Matchers.containsString("text/html"))
                .header("Content-Security-Policy", Matchers.containsString("script-src 'self'"))
                .header("Content-Security-Policy", Matchers.not(Matchers.containsString("unsafe-inline")))
                .header("X-Frame-Options", "DENY").header("X-Content-Type-Options", "nosniff")
                .extract().asString();
        assertTrue(html.contains("src=\"app.js\""), "the script is a file of its own");
        assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(html).find(), "no inline script");
        assertFalse(Pattern.compile("\\son[a-z]+=\"").matcher(html).find(), "no inline event handler");
        assertFalse(html.contains("http://") || html.contains("https://"), "nothing from another origin (no CDN)");
        given().when().get("/app.js").then().statusCode(200).contentType(Matchers.containsString("javascript"));
        given().when().get("/app.css").then().statusCode(200).contentType(Matchers.containsString("css"));
        // without an icon of its own the browser asks for /favicon.ico and logs the 404 as an error
        assertTrue(html.contains("rel=\"icon\" href=\"favicon.svg\""), "the page names its icon");
        given().when().get("/favicon.svg").then().statusCode(200).contentType(Matchers.containsString("svg"));
    }

    @Test
    void swaggerUiKeepsWorkingWithoutTheDashboardsPolicy() {
        given().when().get("/q/swagger-ui/").then().statusCode(200)
                .header("Content-Security-Policy", Matchers.nullValue());
    }
}
