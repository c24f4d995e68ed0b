package io.storefront.gateway.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import jakarta.ws.rs.ProcessingException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Plain JUnit: the guard is pure Mutiny, no Quarkus needed to test its states. */
class GuardTest {

    private final AtomicLong now = new AtomicLong();
    private final Guard.Limits limits = new Guard.Limits(Duration.ofMillis(200), 1, Duration.ofMillis(1), 4, 0.5,
            Duration.ofSeconds(5), 2);

    @Test
    void theCircuitOpensAtTheFailureRatioThenLetsOneTrialThrough() {
        CircuitBreaker breaker = new CircuitBreaker(4, 0.5, Duration.ofSeconds(5), now::get);
        breaker.record(true);
        breaker.record(false);
        breaker.record(true);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(), "window not yet full");
        breaker.record(false);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state(), "2 of 4 failed");
        assertFalse(breaker.tryAcquire());
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertTrue(breaker.tryAcquire(), "the trial call");
        assertFalse(breaker.tryAcquire(), "only one trial at a time");
        breaker.record(false);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertTrue(breaker.tryAcquire());
        breaker.record(true);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
    }

    @Test
    void connectionFailuresOfIdempotentCallsAreRetriedOnce() {
        Guard guard = new Guard("x", limits, now::get);
        AtomicInteger calls = new AtomicInteger();
        String result = guard.call(() -> calls.incrementAndGet() == 1
                ? Uni.createFrom().failure(new java.net.ConnectException("refused"))
                : Uni.createFrom().item("ok"), true).await().atMost(Duration.ofSeconds(2));
        assertEquals("ok", result);
        assertEquals(2, calls.get());

        calls.set(0);
        guard.call(() -> {
            calls.incrementAndGet();
            return Uni.createFrom().failure(new java.net.ConnectException("refused"));
        }, false).subscribe().withSubscriber(UniAssertSubscriber.create()).awaitFailure();
        assertEquals(1, calls.get(), "non-idempotent calls are not retried");
    }

    @Test
    void serverErrorsAreNotRetriedAndSlowCallsTimeOut() {
        Guard guard = new Guard("x", limits, now::get);
        AtomicInteger calls = new AtomicInteger();
        Throwable failure = guard.call(() -> {
            calls.incrementAndGet();
            return Uni.createFrom().<String>failure(new UpstreamFailure("x", 500));
        }, true).subscribe().withSubscriber(UniAssertSubscriber.create()).awaitFailure().getFailure();
        assertInstanceOf(UpstreamFailure.class, failure);
        assertEquals(1, calls.get());

        Throwable slow = guard.call(() -> Uni.createFrom().<String>nothing(), true)
                .subscribe().withSubscriber(UniAssertSubscriber.create()).awaitFailure(Duration.ofSeconds(2)).getFailure();
        assertInstanceOf(UpstreamTimeout.class, slow);
    }

    @Test
    void theBulkheadRejectsCallsBeyondTheLimitAndFreesPermits() {
        Guard guard = new Guard("x", limits, now::get);
        var first = guard.call(() -> Uni.createFrom().<String>nothing(), true).subscribe().withSubscriber(UniAssertSubscriber.create());
        var second = guard.call(() -> Uni.createFrom().<String>nothing(), true).subscribe().withSubscriber(UniAssertSubscriber.create());
        Throwable third = guard.call(() -> Uni.createFrom().item("x"), true)
                .subscribe().withSubscriber(UniAssertSubscriber.create()).awaitFailure().getFailure();
        assertEquals(ServiceUnavailable.Reason.BULKHEAD_FULL, ((ServiceUnavailable) third).reason());
        first.cancel();
        second.cancel();
        assertEquals("y", guard.call(() -> Uni.createFrom().item("y"), true).await().atMost(Duration.ofSeconds(1)));
    }

    @Test
    void everyCallIsCountedByHowItEnded() {
        Guard guard = new Guard("x", limits, now::get);
        guard.call(() -> Uni.createFrom().item("ok"), true).await().atMost(Duration.ofSeconds(1));
        guard.call(() -> Uni.createFrom().<String>failure(new UpstreamFailure("x", 503)), true)
                .subscribe().withSubscriber(UniAssertSubscriber.create()).awaitFailure();
        guard.call(() -> Uni.createFrom().<String>failure(new java.net.ConnectException("refused")), true)
                .subscribe().withSubscriber(UniAssertSubscriber.create()).awaitFailure();
        guard.call(() -> Uni.createFrom().<String>nothing(), true)
                .subscribe().withSubscriber(UniAssertSubscriber.create()).awaitFailure(Duration.ofSeconds(2));
        assertEquals(CircuitBreaker.State.OPEN, guard.state(), "3 of the 4 calls failed");
        guard.call(() -> Uni.createFrom().item("never sent"), true)
                .subscribe().withSubscriber(UniAssertSubscriber.create()).awaitFailure();

        assertEquals(1, guard.count(Guard.Outcome.OK));
        assertEquals(1, guard.count(Guard.Outcome.FAILED));
        assertEquals(1, guard.count(Guard.Outcome.UNREACHABLE), "one call, although it was tried twice");
        assertEquals(1, guard.count(Guard.Outcome.TIMEOUT));
        assertEquals(1, guard.count(Guard.Outcome.CIRCUIT_OPEN));
        assertEquals(0, guard.count(Guard.Outcome.BULKHEAD_FULL));

        var pending = guard.call(() -> Uni.createFrom().<String>nothing(), true)
                .subscribe().withSubscriber(UniAssertSubscriber.create());
        assertEquals(0, guard.inFlight(), "the open circuit let nothing through");
        pending.awaitFailure();
        guard.reset();
        var waiting = guard.call(() -> Uni.createFrom().<String>nothing(), true)
                .subscribe().withSubscriber(UniAssertSubscriber.create());
        assertEquals(1, guard.inFlight());
        waiting.cancel();
        assertEquals(0, guard.inFlight());
        assertEquals(1, guard.count(Guard.Outcome.CANCELLED));
    }
}
