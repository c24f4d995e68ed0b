package io.storefront.analytics.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The end an import reports is the one its transaction made, whatever a watcher wrote meanwhile. */
@QuarkusTest
class ImportEndTest {

    @Inject
    ImportRepository imports;

    @Inject
    DataSource dataSource;

    @Inject
    Pool pool;

    @Test
    void anImportTakenForAbandonedThatThenCommitsReportsItsSuccess() throws Exception {
        long id = imports.create("flat", "orders.csv", 100).await().indefinitely().id();
        imports.markRunning(id, 3).await().indefinitely();
        pool.preparedQuery("UPDATE analytics.imports SET updated_at = now() - interval '1 hour' WHERE id = $1")
                .execute(Tuple.of(id)).await().indefinitely();
        imports.failAbandoned(Duration.ofMinutes(10)).await().indefinitely();
        assertEquals("failed", imports.find(id).await().indefinitely().orElseThrow().status());

        try (Connection tx = dataSource.getConnection()) {
            tx.setAutoCommit(false);
            imports.succeed(tx, id, 12, 11, 1, List.of());
            tx.commit();
        }
        ImportRepository.Job job = imports.find(id).await().indefinitely().orElseThrow();
        assertEquals("succeeded", job.status());
        assertEquals(11, job.linesStored());
        assertNull(job.failure(), "the watcher's failure is gone once the rows it said were lost committed");
    }
}
