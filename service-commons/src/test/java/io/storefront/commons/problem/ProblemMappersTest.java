package io.storefront.commons.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    /** The request's path, which is all the mappers read of it. */
    private static final UriInfo AT = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(),
            new Class<?>[] {UriInfo.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getPath" -> "/api/v1/reviews";
                case "getRequestUri" -> URI.create("http://localhost/api/v1/reviews");
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private static IOException thrownBy(String className, String message) {
        IOException e = new IOException(message);
        e.setStackTrace(new StackTraceElement[] {new StackTraceElement(className, "read", null, 1)});
        return e;
    }

    @Test
    void aBodyWithoutALengthPastTheLimitIsTheClientsPayloadTooLarge() {
        Response tooLarge = new ProblemMappers().unreadableBody(
                thrownBy("org.jboss.resteasy.reactive.server.vertx.VertxInputStream", "Request too large"), AT);
        assertEquals(413, tooLarge.getStatus());
        assertEquals(Problem.typeUri(ProblemType.PAYLOAD_TOO_LARGE), ((Problem) tooLarge.getEntity()).getType().toString());
    }

    @Test
    void anyOtherFailureToReadIsStillOurs() {
        Response broken = new ProblemMappers().unreadableBody(
                thrownBy("org.jboss.resteasy.reactive.server.vertx.VertxInputStream", "Connection reset"), AT);
        assertEquals(500, broken.getStatus());
        Response multipart = new ProblemMappers().unreadableBody(
                thrownBy("org.jboss.resteasy.reactive.server.core.multipart.MultipartParser", "unexpected end"), AT);
        assertEquals(400, multipart.getStatus());
    }

    @Test
    void storedTextFindsANulInAnyOfTheValues() {
        assertTrue(StoredText.hasNul("a", null, "b\0c"));
        assertFalse(StoredText.hasNul("a", null, "\\u0000"));
    }

    @Test
    void storedTextRefusesANulOrAnUnpairedSurrogateButNotAPair() {
        assertEquals(StoredText.NUL_MESSAGE, StoredText.problem("ok", "a\0b"));
        assertEquals(StoredText.SURROGATE_MESSAGE, StoredText.problem("r\uD800"));
        assertEquals(StoredText.SURROGATE_MESSAGE, StoredText.problem("\uDE00x"));
        assertNull(StoredText.problem("emoji \uD83D\uDE00", null, "Ünïcödé"));
    }
}
