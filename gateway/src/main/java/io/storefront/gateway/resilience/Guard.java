package io.storefront.gateway.resilience;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.ProcessingException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
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

    /** How a call through the guard ended, counted for the operators' metrics. */
    public enum Outcome {
        /** The service answered below 500 (a 4xx is its answer, passed on). */
        OK,
        /** The service answered with a 5xx. */
        FAILED,
        TIMEOUT,
        UNREACHABLE,
        CIRCUIT_OPEN,
        BULKHEAD_FULL,
        /** The caller went away before the answer, or the gateway gave the call up (an upload over its size limit). */
        CANCELLED
    }

    private final String service;
    private final Limits limits;
    private final CircuitBreaker breaker;
    private final Semaphore inFlight;
    private final Map<Outcome, LongAdder> outcomes = new EnumMap<>(Outcome.class);

    public Guard(String service, Limits limits) {
        this(service, limits, System::nanoTime);
    }

    Guard(String service, Limits limits, LongSupplier clock) {
        this.service = service;
        this.limits = limits;
        this.breaker = new CircuitBreaker(limits.window(), limits.failureRatio(), limits.openFor(), clock);
        this.inFlight = new Semaphore(limits.maxConcurrent());
        for (Outcome o : Outcome.values()) outcomes.put(o, new LongAdder());
    }

    /** Runs {@code call} under the guard; {@code idempotent} calls are retried on connection failures. */
    public <T> Uni<T> call(Supplier<Uni<? extends T>> call, boolean idempotent) {
        return Uni.createFrom().deferred(() -> {
            if (!inFlight.tryAcquire()) {
                tally(Outcome.BULKHEAD_FULL);
                return Uni.createFrom().failure(new ServiceUnavailable(service, ServiceUnavailable.Reason.BULKHEAD_FULL));
            }
            if (!breaker.tryAcquire()) {
                inFlight.release();
                tally(Outcome.CIRCUIT_OPEN);
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
                    .onItemOrFailure().invoke((item, failure) -> {
                        breaker.record(failure == null);
                        tally(outcomeOf(failure));
                    })
                    .onCancellation().invoke(() -> {
                        breaker.record(true);
                        tally(Outcome.CANCELLED);
                    })
                    .eventually(() -> inFlight.release());
        });
    }

    private static Outcome outcomeOf(Throwable failure) {
        if (failure == null) return Outcome.OK;
        if (failure instanceof UpstreamTimeout) return Outcome.TIMEOUT;
        if (failure instanceof ServiceUnavailable) return Outcome.UNREACHABLE;
        return Outcome.FAILED;
    }

    private void tally(Outcome outcome) {
        outcomes.get(outcome).increment();
    }

    /**
     * Counts a call that went to the service past this guard: an upload streams straight through, with no timeout
     * for the whole call and no retry, but operators still see it with the service's other calls.
     */
    public void countUnguarded(Outcome outcome) {
        tally(outcome);
    }

    /** Calls that ended this way since start. */
    public long count(Outcome outcome) {
        return outcomes.get(outcome).sum();
    }

    /** Calls under way now. */
    public int inFlight() {
        return limits.maxConcurrent() - inFlight.availablePermits();
    }

    public String service() {
        return service;
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

    public CircuitBreaker.State state() {
        return breaker.state();
    }
}
