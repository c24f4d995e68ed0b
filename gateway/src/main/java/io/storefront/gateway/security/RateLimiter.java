package io.storefront.gateway.security;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key on this replica: {@code ratePerSecond} tokens a second up to {@code burst}.
 * With n replicas a key gets up to n times the rate; that is the price of keeping the gateway stateless.
 */
public final class RateLimiter {

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }
    }

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** 0 when the request may go, else the whole seconds to wait before one more would be allowed. */
    public long acquire(String key, double ratePerSecond, double burst, long nowNanos) {
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, nowNanos));
        synchronized (b) {
            double elapsed = (nowNanos - b.updated) / 1e9;
            b.tokens = Math.min(burst, b.tokens + elapsed * ratePerSecond);
            b.updated = nowNanos;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / ratePerSecond));
        }
    }
}
