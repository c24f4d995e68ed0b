package io.storefront.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Requests whose body has no declared length (HTTP/1.1 chunked), which a service cannot refuse by its
 * {@code Content-Length} and must count as it reads. REST Assured always sends a length.
 */
public final class ChunkedBodies {

    /** What the service answered: status, {@code Content-Type} (null without one) and body. */
    public record Answer(int status, String contentType, String body) {
    }

    private ChunkedBodies() {
    }

    /** POSTs the bytes without a {@code Content-Length}, with more headers as name, value pairs. */
    public static Answer post(URI uri, String contentType, byte[] body, String... headers) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                // an input stream has no known length, so the client sends the body in chunks
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        if (headers.length > 0) request.headers(headers);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            client.close();
        }
    }
}
