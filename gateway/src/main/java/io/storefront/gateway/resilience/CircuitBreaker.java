package io.storefront.gateway.resilience;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Count-based circuit breaker: over the last {@code window} calls, a failure ratio at or above the
 * threshold opens it; after {@code openFor} one trial call is let through (half-open); its success
 * closes the breaker, its failure opens it again.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final boolean[] outcomes;
    private final double failureRatio;
    private final long openForNanos;
    private final LongSupplier clock;
    private int recorded;
    private int next;
    private int failures;
    private State state = State.CLOSED;
    private long openedAt;
    private boolean trialInFlight;

    CircuitBreaker(int window, double failureRatio, Duration openFor, LongSupplier clock) {
        if (window < 1 || failureRatio <= 0 || failureRatio > 1) {
            throw new IllegalArgumentException("window must be ≥ 1 and failureRatio in (0, 1]");
        }
        this.outcomes = new boolean[window];
        this.failureRatio = failureRatio;
        this.openForNanos = openFor.toNanos();
        this.clock = clock;
    }

    /** Whether a call may go out now; a true answer in half-open state is the one trial call. */
    synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (clock.getAsLong() - openedAt < openForNanos) return false;
                state = State.HALF_OPEN;
                trialInFlight = true;
                return true;
            default:
                if (trialInFlight) return false;
                trialInFlight = true;
                return true;
        }
    }

    synchronized void record(boolean success) {
        if (state == State.HALF_OPEN) {
            trialInFlight = false;
            if (success) {
                reset();
            } else {
                open();
            }
            return;
        }
        if (state == State.OPEN) return; // a call that started before the breaker opened
        if (recorded == outcomes.length && !outcomes[next]) failures--;
        outcomes[next] = success;
        if (!success) failures++;
        next = (next + 1) % outcomes.length;
        recorded = Math.min(recorded + 1, outcomes.length);
        if (recorded == outcomes.length && failures >= failureRatio * outcomes.length) {
            open();
        }
    }

    synchronized State state() {
        return state;
    }

    synchronized void reset() {
        state = State.CLOSED;
        recorded = 0;
        next = 0;
        failures = 0;
        trialInFlight = false;
    }

    private void open() {
        state = State.OPEN;
        openedAt = clock.getAsLong();
    }
}
