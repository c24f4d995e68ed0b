package io.storefront.commons.jobs;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Keeps a long job from looking abandoned: each service fails jobs whose row has not been written for a
 * while (their instance stopped), and one step of a large import, build or evaluation can run longer than that.
 */
public final class Heartbeat {

    private static final Logger LOG = Logger.getLogger(Heartbeat.class);

    private Heartbeat() {
    }

    /** Runs {@code touch} every {@code every} until the returned handle is run. */
    public static Runnable every(Vertx vertx, Duration every, Supplier<Uni<Void>> touch) {
        long timer = vertx.setPeriodic(every.toMillis(),
                id -> touch.get().subscribe().with(done -> { }, e -> LOG.debugf("job heartbeat failed: %s", e.getMessage())));
        return () -> vertx.cancelTimer(timer);
    }
}
