package io.storefront.gateway.resilience;

/** The service could not be used: unreachable, its circuit is open, or too many calls are in flight. */
public class ServiceUnavailable extends RuntimeException {

    public enum Reason { UNREACHABLE, CIRCUIT_OPEN, BULKHEAD_FULL }

    private final String service;
    private final Reason reason;

    public ServiceUnavailable(String service, Reason reason) {
        this(service, reason, null);
    }

    public ServiceUnavailable(String service, Reason reason, Throwable cause) {
        super(service + ": " + reason + (cause == null ? "" : " (" + cause + ")"), cause, false, false);
        this.service = service;
        this.reason = reason;
    }

    public String service() { return service; }
    public Reason reason() { return reason; }
}
