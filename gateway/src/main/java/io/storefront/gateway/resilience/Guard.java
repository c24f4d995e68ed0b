package io.storefront.gateway.resilience;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.ProcessingException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Everything the gateway puts between a client and one service: a bulkhead (a bound on calls in
 * flight), a circuit breaker, retries of idempotent calls on connection failures, and an overall
 * deadline. Failures come out as {@link ServiceUnavailable} (circuit open, bulkhead full,
 * unreachable), {@link UpstreamTimeout} or {@link UpstreamFailure}, which the REST layer maps to
 * 503, 503 (with its own type) and 502 problems.
 *
 * <p>Written here because the quarkus-smallrye-fault-tolerance jar of our platform version is not
 * on the Maven Central this project builds from (see README, "Fault tolerance").
 */
public final class Guard {

    /** Limits for one service. */
    public record Limits(Duration timeout, int retries, Duration retryDelay, int window, double failureRatio,
                         Duration openFor, int maxConcurrent) {
    }

    private final String service;
    private final Limits limits;
    private final CircuitBreaker breaker;
    private final Semaphore inFlight;

    public Guard(String service, Limits limits) {
        this(service, limits, System::nanoTime);
    }

    Guard(String service, Limits limits, LongSupplier clock) {
        this.service = service;
        this.limits = limits;
        this.breaker = new CircuitBreaker(limits.window(), limits.failureRatio(), limits.openFor(), clock);
        this.inFlight = new Semaphore(limits.maxConcurrent());
    }

    /** Runs {@code call} under the guard; {@code idempotent} calls are retried on connection failures. */
    public <T> Uni<T> call(Supplier<Uni<? extends T>> call, boolean idempotent) {
        return Uni.createFrom().deferred(() -> {
            if (!inFlight.tryAcquire()) {
                return Uni.createFrom().failure(new ServiceUnavailable(service, ServiceUnavailable.Reason.BULKHEAD_FULL));
            }
            if (!breaker.tryAcquire()) {
                inFlight.release();
                return Uni.createFrom().failure(new ServiceUnavailable(service, ServiceUnavailable.Reason.CIRCUIT_OPEN));
            }
            Uni<T> attempt = Uni.createFrom().<T>deferred(call)
                    .onFailure(Guard::isConnectionFailure).transform(e -> new ServiceUnavailable(service,
                            ServiceUnavailable.Reason.UNREACHABLE, e));
            if (idempotent && limits.retries() > 0) {
                attempt = attempt.onFailure(Guard::isUnreachable).retry()
                        .withBackOff(limits.retryDelay()).atMost(limits.retries());
            }
            return attempt
                    .ifNoItem().after(limits.timeout()).failWith(() -> new UpstreamTimeout(service))
                    .onItemOrFailure().invoke((item, failure) -> breaker.record(failure == null))
                    .onCancellation().invoke(() -> breaker.record(true))
                    .eventually(() -> inFlight.release());
        });
    }

    /**
     * The REST client reports a refused or reset connection as the raw socket exception, a
     * {@link ProcessingException} or a Vert.x exception, depending on where it happened.
     */
    static boolean isConnectionFailure(Throwable failure) {
        return failure instanceof ProcessingException || failure instanceof java.io.IOException
                || failure instanceof io.vertx.core.VertxException;
    }

    private static boolean isUnreachable(Throwable failure) {
        return failure instanceof ServiceUnavailable u && u.reason() == ServiceUnavailable.Reason.UNREACHABLE;
    }

    /** For tests and operators: forget past failures. */
    public void reset() {
        breaker.reset();
    }

    CircuitBreaker.State state() {
        return breaker.state();
    }
}
