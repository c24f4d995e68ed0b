package io.storefront.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storefront.gateway.client.UpstreamResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * A service's links as the gateway's public paths of the same resources, never the service's host or
 * its own paths: the Location header, the {@code self} links of a JSON body (a job and the jobs of a
 * list), and the {@code instance} of a problem.
 */
final class PublicLocation {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PublicLocation() {
    }

    /**
     * {@code http://sentiment:8083/api/v1/models/7} with (/api/v1/models/, /api/v1/sentiment/models/) →
     * /api/v1/sentiment/models/7, in the Location header and in every {@code self} field of a JSON body.
     */
    static Response of(UpstreamResponse upstream, String servicePath, String publicPath) {
        Response response = withPublicSelf(upstream, servicePath, publicPath).toResponse();
        String location = response.getHeaderString(HttpHeaders.LOCATION);
        String path = location == null ? null : publicPath(location, servicePath, publicPath);
        if (path == null) return response;
        return Response.fromResponse(response).location(java.net.URI.create(path)).build();
    }

    /** A service's Location as the gateway's path, or null when it is not under {@code servicePath}. */
    static String publicPath(String location, String servicePath, String publicPath) {
        String path = location.replaceFirst("^https?://[^/]+", "");
        return path.startsWith(servicePath) ? publicPath + path.substring(servicePath.length()) : null;
    }

    /** The same path at the gateway: only the service's scheme and host are removed. */
    static Response samePath(UpstreamResponse upstream) {
        return of(upstream, "/", "/");
    }

    private static UpstreamResponse withPublicSelf(UpstreamResponse upstream, String servicePath, String publicPath) {
        byte[] body = withPublicSelf(upstream.body(), upstream.mediaType(), servicePath, publicPath);
        return body == upstream.body() ? upstream
                : new UpstreamResponse(upstream.status(), upstream.mediaType(), body, upstream.headers());
    }

    /** A JSON body with its {@code self} links at the gateway's paths; any other body as it is. */
    static byte[] withPublicSelf(byte[] body, String mediaType, String servicePath, String publicPath) {
        if (servicePath.equals(publicPath) || !isJson(mediaType) || body.length == 0) return body;
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (IOException e) {
            return body; // not ours to judge: passed on as the service sent it
        }
        if (!rewriteSelf(tree, servicePath, publicPath)) return body;
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean rewriteSelf(JsonNode node, String servicePath, String publicPath) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            JsonNode self = object.get("self");
            if (self != null && self.isTextual() && self.asText().startsWith(servicePath)) {
                object.put("self", publicPath + self.asText().substring(servicePath.length()));
                changed = true;
            }
        }
        for (JsonNode child : node) changed |= rewriteSelf(child, servicePath, publicPath);
        return changed;
    }

    /**
     * A problem a service answered, with {@code instance} the path the client asked the gateway for
     * (the service names its own path, which does not exist at the gateway); anything else unchanged.
     */
    static byte[] problemAt(byte[] problem, String path) {
        try {
            JsonNode tree = JSON.readTree(problem);
            if (!(tree instanceof ObjectNode object) || !object.has("instance")) return problem;
            object.put("instance", path);
            return JSON.writeValueAsBytes(object);
        } catch (IOException e) {
            return problem;
        }
    }

    private static boolean isJson(String mediaType) {
        if (mediaType == null) return false;
        String type = mediaType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }
}
