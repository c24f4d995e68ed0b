package io.storefront.gateway.resilience;

/** A service answered with a 5xx; counted by the circuit breaker, answered as 502 by the gateway. */
public class UpstreamFailure extends RuntimeException {

    private final String service;
    private final int status;

    public UpstreamFailure(String service, int status) {
        super(service + " answered " + status, null, false, false);
        this.service = service;
        this.status = status;
    }

    public String service() { return service; }
    public int status() { return status; }
}
