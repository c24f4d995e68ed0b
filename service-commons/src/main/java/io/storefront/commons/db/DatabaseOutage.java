package io.storefront.commons.db;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Set;

/**
 * Whether a failure means the database went away (restart, failover, network) rather than that the work
 * itself was wrong: work that failed for an outage is worth starting over once the database is back.
 */
public final class DatabaseOutage {

    /** admin_shutdown, crash_shutdown, cannot_connect_now (starting up), and the connection exceptions class. */
    private static final Set<String> OUTAGE_STATES = Set.of("57P01", "57P02", "57P03", "08000", "08003", "08006", "08001",
            "08004");

    /** Attempts while the database is away: the pauses between them add up to about a minute. */
    static final int ATTEMPTS = 9;

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(DatabaseOutage.class);

    private DatabaseOutage() {
    }

    /**
     * Runs blocking work (on a worker thread, never the event loop) and, when it fails because the database
     * went away, waits and runs it again from the start, for about a minute. Only for work that is safe to
     * repeat (writes that replace by key). Any other failure, or the last one, is thrown.
     */
    public static void startOverAfterOutages(String what, Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                if (!isOutage(e) || attempt >= ATTEMPTS) throw e;
                Duration wait = backoff(attempt);
                LOG.warnf("%s lost the database (%s); starting over in %d s", what, e.getMessage(), wait.toSeconds());
                pause(wait);
            }
        }
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }

    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClosedConnectionException || t instanceof ConnectException) return true;
            // the server went away mid-conversation: "Connection reset", "Broken pipe" (Netty's native transport
            // reports these as its own IOException subclass)
            if (t instanceof java.net.SocketException || t.getClass().getName().endsWith("NativeIoException")) return true;
            if (t instanceof PgException pg && pg.getSqlState() != null && OUTAGE_STATES.contains(pg.getSqlState())) return true;
            if (t instanceof io.netty.channel.ConnectTimeoutException) return true;
            // Vert.x reports some lost connections only by message ("Connection is not active now, current status:
            // CLOSED", "Connection was closed"), without a type of their own
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(java.util.Locale.ROOT);
            if (message.contains("connection") && (message.contains("closed") || message.contains("reset")
                    || message.contains("not active"))) return true;
        }
        return false;
    }

    /** The pause before attempt {@code attempt} (1-based) of work started over: 1 s, 2 s, 4 s … at most 10 s. */
    public static Duration backoff(int attempt) {
        return Duration.ofMillis(Math.min(10_000L, 1_000L << Math.min(10, Math.max(0, attempt - 1))));
    }
}
