package io.storefront.gateway.resilience;

/** The service did not answer within the gateway's deadline for it. */
public class UpstreamTimeout extends RuntimeException {

    private final String service;

    public UpstreamTimeout(String service) {
        super(service + " timed out", null, false, false);
        this.service = service;
    }

    public String service() { return service; }
}
