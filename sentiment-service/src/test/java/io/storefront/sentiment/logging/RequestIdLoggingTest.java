package io.storefront.sentiment.logging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The gateway's request id reaches a service's log lines of that request, and only a sane one. */
@QuarkusTest
class RequestIdLoggingTest {

    private static final String PROBE = "/test-only/logging-context";

    @Test
    void theRequestIdTheGatewaySendsIsInTheLoggingContext() {
        given().header("X-Request-Id", "req-42.a_b").when().get(PROBE).then().statusCode(200).body(equalTo("req-42.a_b"));
        given().when().get(PROBE).then().statusCode(200).body(equalTo("none"));
    }

    @Test
    void anIdThatIsNotSaneIsNotLogged() {
        given().header("X-Request-Id", "line\tbreak").when().get(PROBE).then().body(equalTo("none"));
        given().header("X-Request-Id", "x".repeat(65)).when().get(PROBE).then().body(equalTo("none"));
        given().header("X-Request-Id", "{\"json\":1}").when().get(PROBE).then().body(equalTo("none"));
    }
}
