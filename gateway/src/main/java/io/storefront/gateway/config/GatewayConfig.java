package io.storefront.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.storefront.gateway.resilience.Guard;
import java.time.Duration;

@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Limits toward the analytics service. */
    ServiceLimits analytics();

    /** Limits toward the sentiment service. */
    ServiceLimits sentiment();

    /** Limits toward the recommender service. */
    ServiceLimits recommender();

    /** API keys (see ApiKeys and bin/api-key). */
    Auth auth();

    /** Requests per key (see RateLimiter). */
    RateLimit rateLimit();

    /** Import uploads, streamed to the services (see UploadProxy). */
    Uploads uploads();

    interface Uploads {
        /**
         * The largest upload the gateway passes on (a declared Content-Length above it is a 413 before a byte
         * is read); the service's own limit applies too. Streamed, so it costs no gateway memory.
         */
        @WithDefault("512M")
        io.quarkus.runtime.configuration.MemorySize maxSize();

        /** An upload is abandoned when neither the client nor the service moves for this long. */
        @WithDefault("60s")
        Duration idleTimeout();
    }

    interface Auth {
        /** Off only for development; the prod profile refuses to start with it off or without keys. */
        @WithDefault("true")
        boolean enabled();

        /** The file of hashed keys bin/api-key writes; absent = no key is valid. */
        java.util.Optional<java.nio.file.Path> keysFile();

        /** How often the file is checked for changes (a revoked key stops working within this). */
        @WithDefault("10s")
        Duration reload();
    }

    interface RateLimit {
        /** Requests a second per key, unless its line in the keys file says rate=N. */
        @WithDefault("50")
        double perSecond();

        /** The burst a key may send at once, in seconds of its rate. */
        @WithDefault("2")
        double burstSeconds();
    }

    interface ServiceLimits {
        /** Deadline for one call, retries included. */
        @WithDefault("10s")
        Duration timeout();

        /** Retries of idempotent calls after a connection failure. */
        @WithDefault("1")
        int retries();

        @WithDefault("100ms")
        Duration retryDelay();

        /** Calls the circuit breaker looks back on. */
        @WithDefault("20")
        int breakerWindow();

        /** Failure ratio over the window that opens the circuit. */
        @WithDefault("0.5")
        double breakerFailureRatio();

        /** How long an open circuit rejects calls before a trial call. */
        @WithDefault("5s")
        Duration breakerOpenFor();

        /**
         * Calls in flight at most; more are rejected at once with 503. Keep it at most the REST client's
         * connection pool (quarkus.rest-client.NAME.connection-pool-size): beyond it calls wait for a
         * connection instead of failing fast.
         */
        @WithDefault("128")
        int maxConcurrent();

        default Guard.Limits limits() {
            return new Guard.Limits(timeout(), retries(), retryDelay(), breakerWindow(), breakerFailureRatio(),
                    breakerOpenFor(), maxConcurrent());
        }
    }
}
