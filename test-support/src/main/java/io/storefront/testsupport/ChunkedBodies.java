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

    private ChunkedBodies() {
    }

    /** POSTs the bytes without a {@code Content-Length} and answers the response's status. */
    public static int post(URI uri, String contentType, byte[] body) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                // an input stream has no known length, so the client sends the body in chunks
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("POST " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
