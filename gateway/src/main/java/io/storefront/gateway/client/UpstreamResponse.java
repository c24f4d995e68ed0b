package io.storefront.gateway.client;

/** A service's answer passed on as it is: status, media type and body. */
public record UpstreamResponse(int status, String mediaType, String body) {
}
