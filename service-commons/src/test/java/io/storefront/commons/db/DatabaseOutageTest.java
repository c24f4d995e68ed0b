package io.storefront.commons.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aLostOrRefusedConnectionOrAShutdownIsAnOutage() {
        assertTrue(DatabaseOutage.isOutage(ClosedConnectionException.INSTANCE));
        assertTrue(DatabaseOutage.isOutage(new CompletionException(new ConnectException("Connection refused"))));
        assertTrue(DatabaseOutage.isOutage(new CompletionException(new java.net.SocketException("Connection reset"))));
        assertTrue(DatabaseOutage.isOutage(new PgException("terminating connection due to administrator command", "FATAL",
                "57P01", null)));
        assertTrue(DatabaseOutage.isOutage(new PgException("the database system is starting up", "FATAL", "57P03", null)));
        assertTrue(DatabaseOutage.isOutage(new io.vertx.core.impl.NoStackTraceThrowable(
                "Connection is not active now, current status: CLOSED")));
    }

    @Test
    void wrongWorkIsNot() {
        assertFalse(DatabaseOutage.isOutage(new PgException("duplicate key", "ERROR", "23505", null)));
        assertFalse(DatabaseOutage.isOutage(new IllegalArgumentException("bad row")));
        assertFalse(DatabaseOutage.isOutage(new IllegalStateException("the file is closed")));
        assertFalse(DatabaseOutage.isOutage(null));
    }

    @Test
    void startingOverWaitsLongerEachTimeUpToTenSeconds() {
        assertEquals(Duration.ofSeconds(1), DatabaseOutage.backoff(1));
        assertEquals(Duration.ofSeconds(4), DatabaseOutage.backoff(3));
        assertEquals(Duration.ofSeconds(10), DatabaseOutage.backoff(9));
    }
}
